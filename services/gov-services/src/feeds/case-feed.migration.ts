import { Migration } from '@mikro-orm/migrations';

/** The provincial platform's cases as delivered (`CaseFeedRecord`): keyed by the source's own id. */
export class Migration20261205093000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "service_case_feed" (
      "source" text not null,
      "source_id" text not null,
      "case_id" uuid not null,
      "row_hash" text not null,
      "job_id" uuid not null,
      "withdrawn_at" timestamptz null,
      "updated_at" timestamptz not null default now(),
      constraint "service_case_feed_pkey" primary key ("source", "source_id"));`);
    this.addSql(
      `alter table "service_case_feed" add constraint "service_case_feed_case_id_unique" unique ("case_id");`,
    );
    this.addSql(`create index "service_case_feed_job_id_index" on "service_case_feed" ("job_id");`);
  }
}
