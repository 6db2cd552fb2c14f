import { Migration } from '@mikro-orm/migrations';

/*
 * Petitions (信访): the county's petitions bureau, the time limits it sets, and the petitions themselves with
 * their deadlines kept as computed when each step was recorded.
 */
export class Migration20261205080000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "petition_bureau" ("organization_id" uuid not null, "region_code" varchar(12) not null, constraint "petition_bureau_pkey" primary key ("organization_id"));`,
    );
    this.addSql(
      `create table "petition_time_limits" ("region_code" varchar(12) not null, "accept_days" smallint not null, "reply_days" smallint not null, "extension_max_days" smallint not null, "review_request_days" smallint not null, "review_days" smallint not null, "unit" text check ("unit" in ('WORKING_DAYS', 'CALENDAR_DAYS')) not null, "basis" text not null, "set_by" varchar(200) null, "set_at" timestamptz null, "version" int not null default 1, constraint "petition_time_limits_pkey" primary key ("region_code"));`,
    );
    this.addSql(
      `create table "petition" ("id" uuid not null, "region_code" varchar(12) not null, "channel" text check ("channel" in ('LETTER', 'VISIT', 'ONLINE', 'PHONE')) not null, "received_at" timestamptz not null, "petitioners" varchar(500) not null, "petitioner_count" int not null, "subject" text not null, "escalated_to" text check ("escalated_to" in ('CITY', 'PROVINCE', 'NATIONAL')) null, "repeat_of_id" uuid null, "dispute_id" uuid null, "status" text check ("status" in ('REGISTERED', 'ACCEPTED', 'NOT_ACCEPTED', 'REPLIED', 'UNDER_REVIEW', 'REVIEWED')) not null, "deadline_unit" text check ("deadline_unit" in ('WORKING_DAYS', 'CALENDAR_DAYS')) not null, "accept_by" date not null, "decided_at" timestamptz null, "not_accepted_reason" text null, "handling_organization_id" uuid null, "handling_level" text check ("handling_level" in ('VILLAGE', 'TOWNSHIP', 'COUNTY')) null, "reply_days" smallint null, "extension_days" smallint not null default 0, "extension_reason" text null, "reply_by" date null, "calendar_provisional" boolean not null default false, "replied_at" timestamptz null, "result" text check ("result" in ('SUPPORTED', 'EXPLAINED', 'NOT_SUPPORTED')) null, "reply" text null, "satisfaction" text check ("satisfaction" in ('SATISFIED', 'BASICALLY_SATISFIED', 'DISSATISFIED')) null, "review_requested_at" timestamptz null, "review_by" date null, "reviewed_at" timestamptz null, "review_outcome" text check ("review_outcome" in ('UPHELD', 'REVISED')) null, "review_opinion" text null, "version" int not null default 1, "created_at" timestamptz not null default now(), constraint "petition_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "petition_region_received_idx" on "petition" ("region_code" text_pattern_ops, "received_at");`,
    );
    this.addSql(`create index "petition_received_at_id_index" on "petition" ("received_at", "id");`);
    this.addSql(`create index "petition_repeat_of_id_index" on "petition" ("repeat_of_id");`);
    this.addSql(`create index "petition_dispute_id_index" on "petition" ("dispute_id");`);
    this.addSql(`create index "petition_status_index" on "petition" ("status");`);
    this.addSql(
      `create index "petition_handling_organization_id_index" on "petition" ("handling_organization_id");`,
    );
    this.addSql(
      `alter table "petition" add constraint "petition_repeat_of_id_foreign" foreign key ("repeat_of_id") references "petition" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "petition" add constraint "petition_dispute_id_foreign" foreign key ("dispute_id") references "dispute" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "petition" cascade;`);
    this.addSql(`drop table if exists "petition_time_limits" cascade;`);
    this.addSql(`drop table if exists "petition_bureau" cascade;`);
  }
}
