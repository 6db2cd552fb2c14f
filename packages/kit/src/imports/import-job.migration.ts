import { Migration } from '@mikro-orm/migrations';

/** The table behind import jobs, in every subgraph's database (listed by the kit's `ormOptions`). */
export class KitImportJobs20261205 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "import_job" (
      "id" uuid not null,
      "subject" text not null,
      "route" text not null,
      "key_hash" text null,
      "request_hash" text not null,
      "async" boolean not null,
      "status" text not null,
      "rows" int null,
      "result" jsonb null,
      "error" jsonb null,
      "created_at" timestamptz not null default now(),
      "heartbeat_at" timestamptz not null default now(),
      "finished_at" timestamptz null,
      "expires_at" timestamptz not null,
      constraint "import_job_pkey" primary key ("id"));`);
    this.addSql(`create index "import_job_expires_at_index" on "import_job" ("expires_at");`);
    this.addSql(
      `alter table "import_job" add constraint "import_job_subject_key_hash_unique" unique ("subject", "key_hash");`,
    );
  }
}
