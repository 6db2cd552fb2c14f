import { Migration } from '@mikro-orm/migrations';

/** The whole gov-services schema: items, centres, cases and their events, and the rollups. */
export class Migration20261122040000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "case_event" ("id" bigserial primary key, "case_id" uuid not null, "kind" text check ("kind" in ('RECEIVED', 'CORRECTION_REQUESTED', 'ACCEPTED', 'SUSPENDED', 'RESUMED', 'EXTENDED', 'COMPLETED', 'RATED', 'RETURN_VISITED', 'RECTIFIED')) not null, "occurred_at" timestamptz not null, "recorded_by" varchar(200) not null, "note" text null, "recorded_at" timestamptz not null default now());`,
    );
    this.addSql(`create index "case_event_case_id_index" on "case_event" ("case_id");`);
    this.addSql(
      `create table "case_rating" ("case_id" uuid not null, "score" smallint not null, "rated_at" timestamptz not null, "rectify_by" date null, "return_visit_at" timestamptz null, "rectified_at" timestamptz null, constraint "case_rating_pkey" primary key ("case_id"));`,
    );
    this.addSql(
      `create table "case_suspension" ("id" uuid not null, "case_id" uuid not null, "reason" text check ("reason" in ('HEARING', 'EXPERT_REVIEW', 'INSPECTION', 'TESTING', 'OTHER')) not null, "started_on" date not null, "ended_on" date null, constraint "case_suspension_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "case_suspension_case_id_index" on "case_suspension" ("case_id");`);
    this.addSql(
      `create table "rollup_centre_month" ("region_code" varchar(12) not null, "month" date not null, "centre_id" uuid not null, "received" int not null default 0, "completed" int not null default 0, "on_time" int not null default 0, constraint "rollup_centre_month_pkey" primary key ("region_code", "month", "centre_id"));`,
    );
    this.addSql(
      `create table "rollup_day" ("region_code" varchar(12) not null, "day" date not null, "channel" text check ("channel" in ('ONLINE', 'WINDOW', 'PROXY')) not null, "level" text check ("level" in ('COUNTY', 'TOWNSHIP', 'VILLAGE')) not null, "received" int not null default 0, "completed" int not null default 0, "on_time" int not null default 0, "one_visit" int not null default 0, "rated" int not null default 0, "satisfied" int not null default 0, "bad" int not null default 0, "rectified_on_time" int not null default 0, "target_cases" int not null default 0, "target_met" int not null default 0, constraint "rollup_day_pkey" primary key ("region_code", "day", "channel", "level"));`,
    );
    this.addSql(
      `create table "rollup_duration" ("region_code" varchar(12) not null, "day" date not null, "working_days" smallint not null, "cases" int not null default 0, constraint "rollup_duration_pkey" primary key ("region_code", "day", "working_days"));`,
    );
    this.addSql(
      `create table "rollup_item_month" ("region_code" varchar(12) not null, "month" date not null, "item_id" uuid not null, "received" int not null default 0, "completed" int not null default 0, "on_time" int not null default 0, constraint "rollup_item_month_pkey" primary key ("region_code", "month", "item_id"));`,
    );
    this.addSql(
      `create table "service_case" ("id" uuid not null, "item_id" uuid not null, "centre_id" uuid not null, "region_code" varchar(12) not null, "level" text check ("level" in ('COUNTY', 'TOWNSHIP', 'VILLAGE')) not null, "channel" text check ("channel" in ('ONLINE', 'WINDOW', 'PROXY')) not null, "proxy_agent_id" uuid null, "applicant_kind" text check ("applicant_kind" in ('PERSON', 'ENTERPRISE')) not null, "status" text check ("status" in ('RECEIVED', 'CORRECTION_REQUESTED', 'ACCEPTED', 'SUSPENDED', 'COMPLETED')) not null, "received_at" timestamptz not null, "accepted_at" timestamptz null, "completed_at" timestamptz null, "extension_days" smallint not null default 0, "working_days" smallint null, "on_time" boolean null, "visits" smallint null, "result" text check ("result" in ('APPROVED', 'REJECTED', 'WITHDRAWN')) null, constraint "service_case_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "service_case_proxy_agent_id_received_at_id_index" on "service_case" ("proxy_agent_id", "received_at", "id");`,
    );
    this.addSql(
      `create index "service_case_centre_id_received_at_id_index" on "service_case" ("centre_id", "received_at", "id");`,
    );
    this.addSql(
      `create index "service_case_item_id_received_at_id_index" on "service_case" ("item_id", "received_at", "id");`,
    );
    this.addSql(
      `create index "service_case_region_prefix_idx" on "service_case" ("region_code" text_pattern_ops, "received_at", "id");`,
    );
    this.addSql(
      `create table "service_centre" ("id" uuid not null, "organization_id" uuid not null, "region_code" varchar(12) not null, "level" text check ("level" in ('COUNTY', 'TOWNSHIP', 'VILLAGE')) not null, "name" varchar(200) not null, "windows" smallint not null, "staff" smallint not null, "backup_coverage" real not null, constraint "service_centre_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "service_centre_organization_id_index" on "service_centre" ("organization_id");`,
    );
    this.addSql(
      `create index "service_centre_region_prefix_idx" on "service_centre" ("region_code" text_pattern_ops, "name", "id");`,
    );
    this.addSql(
      `create table "service_item" ("id" uuid not null, "region_code" varchar(6) not null, "code" varchar(40) not null, "name" varchar(200) not null, "kind" text check ("kind" in ('ADMINISTRATIVE_PERMIT', 'ADMINISTRATIVE_CONFIRMATION', 'ADMINISTRATIVE_PAYMENT', 'ADMINISTRATIVE_RULING', 'PUBLIC_SERVICE', 'OTHER_POWER')) not null, "responsible_organization_id" uuid not null, "levels" text[] not null, "statutory_limit" smallint not null, "committed_limit" smallint not null, "processing" text check ("processing" in ('ON_THE_SPOT', 'PROMISED')) not null, "visit_requirement" text check ("visit_requirement" in ('FULLY_ONLINE', 'NO_VISIT', 'ONE_VISIT')) not null, "max_visits" smallint not null, "online_capable" boolean not null, "high_frequency" boolean not null, "delegated" boolean not null, "cross_region_partners" text[] not null, "target_days" smallint null, "created_at" timestamptz not null default now(), constraint "service_item_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "service_item" add constraint "service_item_code_unique" unique ("code");`);
    this.addSql(
      `create index "service_item_responsible_organization_id_index" on "service_item" ("responsible_organization_id");`,
    );
    this.addSql(
      `create index "service_item_region_code_name_id_index" on "service_item" ("region_code", "name", "id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "case_event" cascade;`);
    this.addSql(`drop table if exists "case_rating" cascade;`);
    this.addSql(`drop table if exists "case_suspension" cascade;`);
    this.addSql(`drop table if exists "rollup_centre_month" cascade;`);
    this.addSql(`drop table if exists "rollup_day" cascade;`);
    this.addSql(`drop table if exists "rollup_duration" cascade;`);
    this.addSql(`drop table if exists "rollup_item_month" cascade;`);
    this.addSql(`drop table if exists "service_case" cascade;`);
    this.addSql(`drop table if exists "service_centre" cascade;`);
    this.addSql(`drop table if exists "service_item" cascade;`);
  }
}
