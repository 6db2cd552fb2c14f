import { Migration } from '@mikro-orm/migrations';

/**
 * The reform office's own instruments (issue 22): the monthly dispatch of the province's key tasks
 * (月调度) with a row per task and round, on-site inspections (督察) and bulletins (通报) with the units they
 * name, the outcome library (改革成果库) with its per-year criteria, documents, promotion records, adoption
 * above and replication elsewhere, and the bonus rules and pilots won that score on the results board.
 */
export class Migration20261205080000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "dispatch_round" ("id" uuid not null, "month" varchar(7) not null, "year" int not null, "region_code" varchar(12) not null, "status" text check ("status" in ('OPEN', 'CLOSED')) not null, "summary" text null, "closed_on" date null, "version" int not null default 1, constraint "dispatch_round_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "dispatch_round" add constraint "dispatch_round_region_code_month_unique" unique ("region_code", "month");`,
    );
    this.addSql(
      `create table "inspection" ("id" uuid not null, "title" text not null, "inspected_on" date not null, "year" int not null, "inspector_organization_ids" text[] not null, "inspectors" text null, "region_codes" text[] not null, "inspected_organization_ids" text[] not null, "task_ids" text[] not null, "findings" text not null, "version" int not null default 1, constraint "inspection_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "inspection_year_inspected_on_index" on "inspection" ("year", "inspected_on");`,
    );
    this.addSql(
      `create table "bulletin" ("id" uuid not null, "region_code" varchar(12) not null, "year" int not null, "number" int not null, "issued_on" date not null, "title" text not null, "summary" text not null, "inspection_id" uuid null, "version" int not null default 1, constraint "bulletin_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "bulletin_inspection_id_index" on "bulletin" ("inspection_id");`);
    this.addSql(
      `alter table "bulletin" add constraint "bulletin_region_code_year_number_unique" unique ("region_code", "year", "number");`,
    );
    this.addSql(
      `create table "lead_won" ("id" uuid not null, "organization_id" uuid not null, "region_code" varchar(12) not null, "level" text check ("level" in ('CITY', 'PROVINCE', 'STATE')) not null, "title" text not null, "won_on" date not null, "year" int not null, constraint "lead_won_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "lead_won_year_organization_id_index" on "lead_won" ("year", "organization_id");`,
    );
    this.addSql(
      `create table "outcome" ("id" uuid not null, "year" int not null, "title" text not null, "kind" text check ("kind" in ('OUTCOME', 'SHOWCASE')) not null, "summary" text not null, "region_code" varchar(12) not null, "lead_organization_id" uuid not null, "task_ids" text[] not null, "criteria_met" text[] not null, "selected" boolean not null, "judged_on" date null, "version" int not null default 1, constraint "outcome_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "outcome_year_id_index" on "outcome" ("year", "id");`);
    this.addSql(
      `create table "outcome_adoption" ("id" uuid not null, "outcome_id" uuid not null, "level" text check ("level" in ('CITY', 'PROVINCE', 'STATE')) not null, "adopted_by" text not null, "adopted_on" date not null, "year" int not null, "note" text null, constraint "outcome_adoption_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "outcome_adoption_outcome_id_index" on "outcome_adoption" ("outcome_id");`);
    this.addSql(
      `create table "outcome_criterion" ("id" uuid not null, "year" int not null, "key" varchar(40) not null, "name" text not null, "position" int not null, constraint "outcome_criterion_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "outcome_criterion" add constraint "outcome_criterion_year_key_unique" unique ("year", "key");`,
    );
    this.addSql(
      `create table "outcome_replication" ("id" uuid not null, "outcome_id" uuid not null, "scope" text not null, "towns" int not null, "villages" int not null, "recorded_on" date not null, "year" int not null, constraint "outcome_replication_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "outcome_replication_outcome_id_index" on "outcome_replication" ("outcome_id");`,
    );
    this.addSql(
      `create table "promotion" ("id" uuid not null, "kind" text check ("kind" in ('BRIEFING', 'ARTICLE', 'WECHAT_POST', 'MEETING')) not null, "title" text not null, "outlet" text null, "count" int not null, "occurred_on" date not null, "year" int not null, "region_code" varchar(12) not null, "outcome_id" uuid null, constraint "promotion_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "promotion_outcome_id_index" on "promotion" ("outcome_id");`);
    this.addSql(`create index "promotion_year_kind_index" on "promotion" ("year", "kind");`);
    this.addSql(
      `create table "reform_document" ("id" uuid not null, "kind" text check ("kind" in ('REFORM_DOCUMENT', 'IMPLEMENTING_DOCUMENT')) not null, "title" text not null, "document_number" varchar(60) null, "issued_on" date not null, "year" int not null, "region_code" varchar(12) not null, "outcome_id" uuid null, "task_ids" text[] not null, constraint "reform_document_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "reform_document_outcome_id_index" on "reform_document" ("outcome_id");`);
    this.addSql(`create index "reform_document_year_kind_index" on "reform_document" ("year", "kind");`);
    this.addSql(
      `create table "scoring_rule" ("id" uuid not null, "year" int not null, "basis" text check ("basis" in ('LEAD_WON', 'OUTCOME_ADOPTED')) not null, "level" text check ("level" in ('CITY', 'PROVINCE', 'STATE')) not null, "points" double precision not null, constraint "scoring_rule_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "scoring_rule" add constraint "scoring_rule_year_basis_level_unique" unique ("year", "basis", "level");`,
    );
    this.addSql(
      `create table "dispatch_entry" ("id" uuid not null, "round_id" uuid not null, "task_id" uuid not null, "reported" text null, "reported_on" date null, "problems_raised" text null, "decisions" text null, "version" int not null default 1, constraint "dispatch_entry_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "dispatch_entry_task_id_index" on "dispatch_entry" ("task_id");`);
    this.addSql(
      `alter table "dispatch_entry" add constraint "dispatch_entry_round_id_task_id_unique" unique ("round_id", "task_id");`,
    );
    this.addSql(
      `create table "bulletin_mention" ("id" uuid not null, "bulletin_id" uuid not null, "position" int not null, "verdict" text check ("verdict" in ('COMMENDED', 'LAGGING')) not null, "organization_id" uuid not null, "task_id" uuid null, "note" text not null, "supervision_order_id" uuid null, constraint "bulletin_mention_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "bulletin_mention_bulletin_id_index" on "bulletin_mention" ("bulletin_id");`);
    this.addSql(`create index "bulletin_mention_task_id_index" on "bulletin_mention" ("task_id");`);
    this.addSql(
      `alter table "bulletin" add constraint "bulletin_inspection_id_foreign" foreign key ("inspection_id") references "inspection" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "outcome_adoption" add constraint "outcome_adoption_outcome_id_foreign" foreign key ("outcome_id") references "outcome" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "outcome_replication" add constraint "outcome_replication_outcome_id_foreign" foreign key ("outcome_id") references "outcome" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "promotion" add constraint "promotion_outcome_id_foreign" foreign key ("outcome_id") references "outcome" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "reform_document" add constraint "reform_document_outcome_id_foreign" foreign key ("outcome_id") references "outcome" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "dispatch_entry" add constraint "dispatch_entry_round_id_foreign" foreign key ("round_id") references "dispatch_round" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "dispatch_entry" add constraint "dispatch_entry_task_id_foreign" foreign key ("task_id") references "reform_task" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "bulletin_mention" add constraint "bulletin_mention_bulletin_id_foreign" foreign key ("bulletin_id") references "bulletin" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "bulletin_mention" add constraint "bulletin_mention_task_id_foreign" foreign key ("task_id") references "reform_task" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "bulletin_mention" add constraint "bulletin_mention_supervision_order_id_foreign" foreign key ("supervision_order_id") references "supervision_order" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "bulletin_mention" cascade;`);
    this.addSql(`drop table if exists "dispatch_entry" cascade;`);
    this.addSql(`drop table if exists "scoring_rule" cascade;`);
    this.addSql(`drop table if exists "lead_won" cascade;`);
    this.addSql(`drop table if exists "promotion" cascade;`);
    this.addSql(`drop table if exists "reform_document" cascade;`);
    this.addSql(`drop table if exists "outcome_replication" cascade;`);
    this.addSql(`drop table if exists "outcome_adoption" cascade;`);
    this.addSql(`drop table if exists "outcome_criterion" cascade;`);
    this.addSql(`drop table if exists "outcome" cascade;`);
    this.addSql(`drop table if exists "bulletin" cascade;`);
    this.addSql(`drop table if exists "inspection" cascade;`);
    this.addSql(`drop table if exists "dispatch_round" cascade;`);
  }
}
