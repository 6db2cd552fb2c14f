import { Migration } from '@mikro-orm/migrations';
import { REFORM_TASK_STATE } from '../task/task-state.sql';

export class Migration20261122034920 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "assessment" ("id" uuid not null, "organization_id" uuid not null, "year" int not null, "scores" jsonb not null, "total" double precision not null, constraint "assessment_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "assessment_year_total_index" on "assessment" ("year", "total");`);
    this.addSql(
      `alter table "assessment" add constraint "assessment_organization_id_year_unique" unique ("organization_id", "year");`,
    );

    this.addSql(
      `create table "problem" ("id" uuid not null, "account" text check ("account" in ('LEADER', 'DEPARTMENT', 'TOWNSHIP')) not null, "number" int not null, "description" text not null, "found_by_person_id" uuid null, "found_by_organization_id" uuid null, "region_code" varchar(12) not null, "found_on" date not null, "status" text check ("status" in ('OPEN', 'IN_PROGRESS', 'RESOLVED')) not null, "task_ids" text[] not null, constraint "problem_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "problem_region_prefix_idx" on "problem" ("region_code" text_pattern_ops);`);
    this.addSql(`create index "problem_account_number_id_index" on "problem" ("account", "number", "id");`);

    this.addSql(
      `create table "special_group" ("id" uuid not null, "key" varchar(40) not null, "name" varchar(100) not null, "position" int not null, "leader_id" uuid null, "member_organization_ids" text[] not null, constraint "special_group_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "special_group" add constraint "special_group_key_unique" unique ("key");`);

    this.addSql(
      `create table "work_point" ("id" uuid not null, "year" int not null, "number" int not null, "title" text not null, "special_group_id" uuid not null, constraint "work_point_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "work_point_special_group_id_index" on "work_point" ("special_group_id");`);
    this.addSql(
      `alter table "work_point" add constraint "work_point_year_number_unique" unique ("year", "number");`,
    );

    this.addSql(
      `create table "reform_task" ("id" uuid not null, "code" varchar(40) not null, "title" text not null, "year" int not null, "work_point_id" uuid null, "parent_id" uuid null, "special_group_id" uuid not null, "source" text check ("source" in ('ASSIGNED', 'OWN_INITIATIVE')) not null, "goal" text not null, "lead_organization_id" uuid not null, "cooperating_organization_ids" text[] not null, "region_code" varchar(12) not null, "leader_id" uuid null, "key_task" boolean not null, "planned_start" date not null, "planned_end" date not null, "status" text check ("status" in ('NOT_STARTED', 'IN_PROGRESS', 'COMPLETED', 'CLOSED')) not null, "weight" double precision not null default 1, "version" int not null default 1, "created_at" timestamptz not null default now(), "updated_at" timestamptz not null default now(), constraint "reform_task_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "reform_task" add constraint "reform_task_code_unique" unique ("code");`);
    this.addSql(`create index "reform_task_work_point_id_index" on "reform_task" ("work_point_id");`);
    this.addSql(`create index "reform_task_parent_id_index" on "reform_task" ("parent_id");`);
    this.addSql(
      `create index "reform_task_region_prefix_idx" on "reform_task" ("region_code" text_pattern_ops);`,
    );
    this.addSql(
      `create index "reform_task_cooperating_idx" on "reform_task" using gin ("cooperating_organization_ids");`,
    );
    this.addSql(`create index "reform_task_leader_id_index" on "reform_task" ("leader_id");`);
    this.addSql(
      `create index "reform_task_lead_organization_id_code_id_index" on "reform_task" ("lead_organization_id", "code", "id");`,
    );
    this.addSql(`create index "reform_task_year_code_id_index" on "reform_task" ("year", "code", "id");`);

    this.addSql(
      `create table "supervision_order" ("id" uuid not null, "task_id" uuid not null, "issued_on" date not null, "reason" text not null, "deadline" date not null, "cause_analysis" text null, "measures" text null, "status" text check ("status" in ('OPEN', 'ANSWERED', 'RECTIFIED')) not null, "rectified_on" date null, constraint "supervision_order_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "supervision_order_task_id_index" on "supervision_order" ("task_id");`);
    this.addSql(
      `create index "supervision_order_status_deadline_index" on "supervision_order" ("status", "deadline");`,
    );

    this.addSql(
      `create table "progress_report" ("id" uuid not null, "task_id" uuid not null, "period" varchar(7) not null, "period_kind" text check ("period_kind" in ('MONTHLY', 'QUARTERLY')) not null, "period_end" date not null, "due_date" date not null, "percent" smallint not null, "done" text not null, "problems" text not null, "next_steps" text not null, "regression_reason" text null, "reporter" varchar(200) not null, "submitted_at" timestamptz not null, constraint "progress_report_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "progress_report" add constraint "progress_report_task_id_period_unique" unique ("task_id", "period");`,
    );

    this.addSql(
      `create table "milestone" ("id" uuid not null, "task_id" uuid not null, "title" text not null, "planned_date" date not null, "share" double precision not null, "completed_on" date null, constraint "milestone_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "milestone_task_id_planned_date_index" on "milestone" ("task_id", "planned_date");`,
    );

    this.addSql(
      `alter table "work_point" add constraint "work_point_special_group_id_foreign" foreign key ("special_group_id") references "special_group" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "reform_task" add constraint "reform_task_work_point_id_foreign" foreign key ("work_point_id") references "work_point" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "reform_task" add constraint "reform_task_parent_id_foreign" foreign key ("parent_id") references "reform_task" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "reform_task" add constraint "reform_task_special_group_id_foreign" foreign key ("special_group_id") references "special_group" ("id") on update cascade on delete restrict;`,
    );

    this.addSql(
      `alter table "supervision_order" add constraint "supervision_order_task_id_foreign" foreign key ("task_id") references "reform_task" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "progress_report" add constraint "progress_report_task_id_foreign" foreign key ("task_id") references "reform_task" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(
      `alter table "milestone" add constraint "milestone_task_id_foreign" foreign key ("task_id") references "reform_task" ("id") on update cascade on delete cascade;`,
    );

    this.addSql(REFORM_TASK_STATE.v1);
    this.addSql(
      `create index "progress_report_task_period_end_index" on "progress_report" ("task_id", "period_end" desc);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists reform_task_state(date, double precision, int, uuid[]);`);
    this.addSql(`alter table "work_point" drop constraint "work_point_special_group_id_foreign";`);

    this.addSql(`alter table "reform_task" drop constraint "reform_task_special_group_id_foreign";`);

    this.addSql(`alter table "reform_task" drop constraint "reform_task_work_point_id_foreign";`);

    this.addSql(`alter table "reform_task" drop constraint "reform_task_parent_id_foreign";`);

    this.addSql(`alter table "supervision_order" drop constraint "supervision_order_task_id_foreign";`);

    this.addSql(`alter table "progress_report" drop constraint "progress_report_task_id_foreign";`);

    this.addSql(`alter table "milestone" drop constraint "milestone_task_id_foreign";`);

    this.addSql(`drop table if exists "assessment" cascade;`);

    this.addSql(`drop table if exists "problem" cascade;`);

    this.addSql(`drop table if exists "special_group" cascade;`);

    this.addSql(`drop table if exists "work_point" cascade;`);

    this.addSql(`drop table if exists "reform_task" cascade;`);

    this.addSql(`drop table if exists "supervision_order" cascade;`);

    this.addSql(`drop table if exists "progress_report" cascade;`);

    this.addSql(`drop table if exists "milestone" cascade;`);
  }
}
