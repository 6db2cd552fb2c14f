import { Migration } from '@mikro-orm/migrations';

/**
 * Feeds share the import jobs' table (one job mechanism): a delivery is a job of kind `feed`, naming its
 * source, how it came (post, watch, pull) and the mapping version it was read with. The latest success of
 * each source is kept apart, since jobs expire and freshness must outlive them; so are the records each
 * delivery made, keyed by the source's own id.
 */
export class KitImportJobsFeeds20261205 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "import_job"
      add column "kind" text not null default 'upload',
      add column "source" text null,
      add column "via" text null,
      add column "mapping_version" int null;`);
    this.addSql(
      `create index "import_job_source_created_at_index" on "import_job" ("source", "created_at") where "source" is not null;`,
    );
    this.addSql(`create table "feed_source_state" (
      "source" text not null,
      "last_success_at" timestamptz null,
      "last_job_id" uuid null,
      "mapping_version" int null,
      "last_changed" int null,
      constraint "feed_source_state_pkey" primary key ("source"));`);
    // every feed's records, keyed by the source's own id (./feed-record.entity.ts)
    this.addSql(`create table "feed_record" (
      "source" text not null,
      "source_id" text not null,
      "record_id" uuid not null,
      "row_hash" text not null,
      "job_id" uuid not null,
      "withdrawn_at" timestamptz null,
      "updated_at" timestamptz not null default now(),
      constraint "feed_record_pkey" primary key ("source", "source_id"));`);
    this.addSql(
      `alter table "feed_record" add constraint "feed_record_source_record_id_unique" unique ("source", "record_id");`,
    );
    this.addSql(`create index "feed_record_job_id_index" on "feed_record" ("job_id");`);
  }
}
