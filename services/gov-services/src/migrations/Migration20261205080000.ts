import { Migration } from '@mikro-orm/migrations';

/**
 * 权责清单与赋权, 投资项目审批 (issue 21, parts 2 and 3): the county's administrative powers, the service
 * items implementing them, their delegation to townships and development zones, and investment projects
 * with their approval steps.
 */
export class Migration20261205080000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "administrative_power" (
      "id" uuid not null, "region_code" varchar(6) not null, "organization_id" uuid not null,
      "category" text check ("category" in ('LICENSING', 'PENALTY', 'COERCION', 'INSPECTION', 'LEVY', 'PAYMENT', 'CONFIRMATION', 'REWARD', 'RULING', 'OTHER')) not null,
      "code" varchar(60) not null, "name" varchar(200) not null, "legal_basis" text not null,
      "version" int not null default 1, "created_at" timestamptz not null default now(),
      constraint "administrative_power_pkey" primary key ("id"));`);
    this.addSql(
      `alter table "administrative_power" add constraint "administrative_power_code_unique" unique ("code");`,
    );
    this.addSql(
      `create index "administrative_power_organization_id_index" on "administrative_power" ("organization_id");`,
    );
    this.addSql(
      `create index "administrative_power_region_code_code_index" on "administrative_power" ("region_code", "code");`,
    );

    // no foreign keys, as everywhere here: the writes check what they name (the bulk loaders COPY)
    this.addSql(`alter table "service_item" add column "power_id" uuid null;`);
    this.addSql(`create index "service_item_power_id_index" on "service_item" ("power_id");`);

    this.addSql(`create table "power_delegation" (
      "id" uuid not null, "power_id" uuid not null, "region_code" varchar(9) not null,
      "delegated_from" date not null, "document" varchar(200) not null,
      "staff_trained" smallint not null default 0, "taken_up_on" date null,
      "withdrawn_on" date null, "withdrawal_document" varchar(200) null,
      "version" int not null default 1, "created_at" timestamptz not null default now(),
      constraint "power_delegation_pkey" primary key ("id"),
      constraint "power_delegation_withdrawn_after" check ("withdrawn_on" > "delegated_from"),
      constraint "power_delegation_taken_up_after" check ("taken_up_on" >= "delegated_from"),
      constraint "power_delegation_staff" check ("staff_trained" >= 0));`);
    // one open delegation of a power to a recipient; after a withdrawal it may be delegated anew
    this
      .addSql(`create unique index "power_delegation_open_unique" on "power_delegation" ("power_id", "region_code")
      where "withdrawn_on" is null;`);
    this.addSql(
      `create index "power_delegation_region_code_power_id_index" on "power_delegation" ("region_code", "power_id");`,
    );
    this.addSql(
      `create index "power_delegation_power_id_region_code_index" on "power_delegation" ("power_id", "region_code");`,
    );

    this.addSql(`create table "investment_project" (
      "id" uuid not null, "code" varchar(40) not null, "name" varchar(200) not null,
      "region_code" varchar(12) not null, "enterprise_name" varchar(200) not null,
      "enterprise_credit_code" varchar(18) not null,
      "kind" text check ("kind" in ('INDUSTRIAL', 'REAL_ESTATE', 'INFRASTRUCTURE', 'SERVICES', 'AGRICULTURAL')) not null,
      "investment" int not null, "major" boolean not null, "registered_on" date not null,
      "early_involvement_on" date null, "proxy_agent_id" uuid null, "target_days" smallint null,
      "stage" text check ("stage" in ('PRE_APPLICATION', 'IN_APPROVAL', 'APPROVED')) not null default 'PRE_APPLICATION',
      "first_submitted_on" date null, "approved_on" date null, "total_working_days" smallint null,
      "on_time" boolean null, "calendar_provisional" boolean not null default false,
      "version" int not null default 1, "created_at" timestamptz not null default now(),
      constraint "investment_project_pkey" primary key ("id"),
      constraint "investment_project_code_unique" unique ("code"),
      constraint "investment_project_investment" check ("investment" > 0),
      constraint "investment_project_early_before_first" check ("early_involvement_on" <= "first_submitted_on"));`);
    this.addSql(`create index "investment_project_region_prefix_idx" on "investment_project"
      ("region_code" text_pattern_ops, "registered_on", "id");`);
    this.addSql(
      `create index "investment_project_proxy_agent_id_index" on "investment_project" ("proxy_agent_id");`,
    );

    this.addSql(`create table "approval_step" (
      "id" uuid not null, "project_id" uuid not null, "item_id" uuid not null, "item_version" int not null,
      "organization_id" uuid not null, "submitted_on" date not null, "approved_on" date null,
      "limit_days" smallint not null, "due_on" date not null, "working_days" smallint null, "on_time" boolean null,
      "version" int not null default 1, "created_at" timestamptz not null default now(),
      constraint "approval_step_pkey" primary key ("id"),
      constraint "approval_step_project_item_unique" unique ("project_id", "item_id"),
      constraint "approval_step_approved_after" check ("approved_on" >= "submitted_on"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "approval_step" cascade;`);
    this.addSql(`drop table if exists "investment_project" cascade;`);
    this.addSql(`drop table if exists "power_delegation" cascade;`);
    this.addSql(`alter table "service_item" drop column "power_id";`);
    this.addSql(`drop table if exists "administrative_power" cascade;`);
  }
}
