import { Migration } from '@mikro-orm/migrations';

/** The organisation department's roster as delivered (`RosterFeedRecord`): keyed by the roster's own id. */
export class Migration20261205093000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "person_feed" (
      "source" text not null,
      "source_id" text not null,
      "person_id" uuid not null,
      "row_hash" text not null,
      "job_id" uuid not null,
      "withdrawn_at" timestamptz null,
      "updated_at" timestamptz not null default now(),
      constraint "person_feed_pkey" primary key ("source", "source_id"));`);
    this.addSql(
      `alter table "person_feed" add constraint "person_feed_person_id_unique" unique ("person_id");`,
    );
    this.addSql(`create index "person_feed_job_id_index" on "person_feed" ("job_id");`);
  }
}
