import { Migration } from '@mikro-orm/migrations';

/**
 * The working-day calendar as data: entered years and their days (seeded at start from the package, then
 * kept by the bureau), the recompute jobs, and the marks on figures counted over a provisional year.
 */
export class Migration20261204090000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "working_calendar_year" ("year" smallint not null, "source" text not null, "entered_by" text null, "entered_at" timestamptz not null, "version" int not null default 1, constraint "working_calendar_year_pkey" primary key ("year"));`,
    );
    this.addSql(
      `create table "working_calendar_day" ("day" date not null, "year" smallint not null, "kind" text check ("kind" in ('HOLIDAY', 'WORKDAY')) not null, "name" text null, "source" text not null, "entered_by" text null, "entered_at" timestamptz not null, constraint "working_calendar_day_pkey" primary key ("day"), constraint "working_calendar_day_in_year" check (extract(year from "day") = "year"));`,
    );
    this.addSql(
      `create index "working_calendar_day_year_day_index" on "working_calendar_day" ("year", "day");`,
    );
    this.addSql(
      `create table "calendar_recompute" ("id" serial primary key, "year" smallint not null, "status" text check ("status" in ('RUNNING', 'DONE')) not null default 'RUNNING', "phase" text not null default 'cases', "cursor" uuid null, "cases_total" int null, "cases_done" int not null default 0, "cases_changed" int not null default 0, "ratings_done" int not null default 0, "requested_at" timestamptz not null, "finished_at" timestamptz null);`,
    );
    this.addSql(
      `create index "calendar_recompute_running" on "calendar_recompute" ("id") where "status" = 'RUNNING';`,
    );
    this.addSql(
      `alter table "service_case" add column "calendar_provisional" boolean not null default false;`,
    );
    this.addSql(
      `alter table "case_rating" add column "rectify_by_provisional" boolean not null default false;`,
    );
  }
}
