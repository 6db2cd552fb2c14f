import { Migration } from '@mikro-orm/migrations';

/** The table behind idempotency keys, in every subgraph's database (listed by the kit's `ormOptions`). */
export class KitIdempotency20261122 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "idempotent_request" (
      "subject" text not null,
      "key" text not null,
      "request_hash" text not null,
      "response" jsonb null,
      "created_at" timestamptz not null default now(),
      constraint "idempotent_request_pkey" primary key ("subject", "key"));`);
  }
}
