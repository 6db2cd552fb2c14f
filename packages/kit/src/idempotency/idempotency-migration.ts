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

/**
 * Keys kept 24 hours, and nothing readable without the key: the caller and key become one hash, the answer
 * is encrypted under the key (`idempotency-plugin.ts`). The rows written before held answers in clear
 * (hr's unmasked ones among them), so they are dropped rather than converted: a retry of a write made just
 * before the upgrade runs again.
 */
export class KitIdempotency20261205 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop table "idempotent_request";`);
    this.addSql(`create table "idempotent_request" (
      "id" text not null,
      "request_hash" text not null,
      "answer" bytea null,
      "created_at" timestamptz not null default now(),
      constraint "idempotent_request_pkey" primary key ("id"));`);
    this.addSql(`create index "idempotent_request_created_at_index" on "idempotent_request" ("created_at");`);
  }
}

/** The commit marks of keyed mutations (`idempotent-commit.ts`), swept with their requests. */
export class KitIdempotencyCommit20261205 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "idempotent_commit" (
      "id" text not null,
      "committed_at" timestamptz not null default now(),
      constraint "idempotent_commit_pkey" primary key ("id"));`);
  }
}
