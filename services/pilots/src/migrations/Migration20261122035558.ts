import { Migration } from '@mikro-orm/migrations';

export class Migration20261122035558 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "pilot_lead" ("id" uuid not null, "name" varchar(200) not null, "level" text check ("level" in ('NATIONAL', 'PROVINCIAL', 'MUNICIPAL')) not null, "planned_by" varchar(100) not null, "organization_id" uuid not null, "region_code" varchar(12) not null, "issued_on" date not null, "status" text check ("status" in ('ASSIGNED', 'PURSUING', 'WON', 'NOT_WON')) not null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "pilot_lead_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "pilot_lead_organization_id_index" on "pilot_lead" ("organization_id");`);
    this.addSql(`create index "pilot_lead_issued_on_id_index" on "pilot_lead" ("issued_on", "id");`);
    this.addSql(
      `create index "pilot_lead_region_prefix_idx" on "pilot_lead" ("region_code" text_pattern_ops, "level");`,
    );

    this.addSql(
      `create table "pilot" ("id" uuid not null, "name" varchar(200) not null, "level" text check ("level" in ('NATIONAL', 'PROVINCIAL', 'MUNICIPAL')) not null, "field" text check ("field" in ('ECONOMY', 'ECOLOGY', 'RURAL', 'SOCIAL', 'DEMOCRACY_LAW', 'CULTURE', 'SOCIAL_GOVERNANCE', 'PARTY_BUILDING', 'DISCIPLINE')) not null, "stage" text check ("stage" in ('PURSUING', 'APPROVED', 'IN_PROGRESS', 'ACCEPTED', 'PROMOTED', 'CLOSED')) not null, "approving_body" varchar(100) null, "approval_document_number" varchar(100) null, "approved_on" date null, "lead_organization_id" uuid not null, "participating_organization_ids" uuid[] not null, "leader_id" uuid not null, "region_codes" text[] not null, "starts_on" date null, "deadline" date not null, "target" text not null, "outcome_form" text check ("outcome_form" in ('INSTITUTIONAL_DOCUMENT', 'REPLICABLE_PRACTICE', 'STANDARD', 'LOCAL_REGULATION', 'RESEARCH_REPORT')) not null, "lead_id" uuid null, "accepted_on" date null, "accepting_body" varchar(100) null, "closed_on" date null, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "pilot_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "pilot_leader_id_index" on "pilot" ("leader_id");`);
    this.addSql(`create index "pilot_lead_id_index" on "pilot" ("lead_id");`);
    this.addSql(`create index "pilot_lead_org_index" on "pilot" ("lead_organization_id");`);
    this.addSql(`create index "pilot_stage_level_index" on "pilot" ("stage", "level");`);
    this.addSql(`create index "pilot_name_id_index" on "pilot" ("name", "id");`);

    this.addSql(
      `create table "pilot_ledger_entry" ("id" uuid not null, "pilot_id" uuid not null, "month" varchar(7) not null, "progress" text not null, "problems" text null, "next_steps" text null, "reported_by" varchar(100) not null, "reported_at" timestamptz not null default now(), constraint "pilot_ledger_entry_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "pilot_ledger_entry" add constraint "pilot_ledger_entry_pilot_id_month_unique" unique ("pilot_id", "month");`,
    );

    this.addSql(
      `create table "pilot_evaluation" ("id" uuid not null, "pilot_id" uuid not null, "evaluator" varchar(100) not null, "evaluated_on" date not null, "questionnaires_issued" int not null, "questionnaires_returned" int not null, "very_satisfied" int not null, "satisfied" int not null, "neutral" int not null, "dissatisfied" int not null, "very_dissatisfied" int not null, "score" double precision not null, constraint "pilot_evaluation_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "pilot_evaluation_pilot_id_index" on "pilot_evaluation" ("pilot_id");`);

    this.addSql(
      `create table "pilot_promotion" ("id" uuid not null, "pilot_id" uuid not null, "kind" text check ("kind" in ('MEDIA_COVERAGE', 'ON_SITE_MEETING', 'PROMOTION_MEETING', 'ADOPTED_BY_HIGHER_LEVEL')) not null, "happened_on" date not null, "by" varchar(200) not null, "description" text not null, constraint "pilot_promotion_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "pilot_promotion_pilot_id_index" on "pilot_promotion" ("pilot_id");`);

    this.addSql(
      `alter table "pilot" add constraint "pilot_lead_id_foreign" foreign key ("lead_id") references "pilot_lead" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "pilot_ledger_entry" add constraint "pilot_ledger_entry_pilot_id_foreign" foreign key ("pilot_id") references "pilot" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "pilot_evaluation" add constraint "pilot_evaluation_pilot_id_foreign" foreign key ("pilot_id") references "pilot" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "pilot_promotion" add constraint "pilot_promotion_pilot_id_foreign" foreign key ("pilot_id") references "pilot" ("id") on update cascade on delete cascade;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "pilot" drop constraint "pilot_lead_id_foreign";`);

    this.addSql(`alter table "pilot_ledger_entry" drop constraint "pilot_ledger_entry_pilot_id_foreign";`);

    this.addSql(`alter table "pilot_evaluation" drop constraint "pilot_evaluation_pilot_id_foreign";`);

    this.addSql(`alter table "pilot_promotion" drop constraint "pilot_promotion_pilot_id_foreign";`);

    this.addSql(`drop table if exists "pilot_lead" cascade;`);

    this.addSql(`drop table if exists "pilot" cascade;`);

    this.addSql(`drop table if exists "pilot_ledger_entry" cascade;`);

    this.addSql(`drop table if exists "pilot_evaluation" cascade;`);

    this.addSql(`drop table if exists "pilot_promotion" cascade;`);
  }
}
