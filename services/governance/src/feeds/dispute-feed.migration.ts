import { Migration } from '@mikro-orm/migrations';

/** The mediation platform's disputes as delivered (`DisputeFeedRecord`): keyed by the source's own id. */
export class Migration20261205093000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "dispute_feed" (
      "source" text not null,
      "source_id" text not null,
      "dispute_id" uuid not null,
      "row_hash" text not null,
      "job_id" uuid not null,
      "withdrawn_at" timestamptz null,
      "updated_at" timestamptz not null default now(),
      constraint "dispute_feed_pkey" primary key ("source", "source_id"));`);
    this.addSql(
      `alter table "dispute_feed" add constraint "dispute_feed_dispute_id_unique" unique ("dispute_id");`,
    );
    this.addSql(`create index "dispute_feed_job_id_index" on "dispute_feed" ("job_id");`);
  }
}
