import { Migration } from '@mikro-orm/migrations';

/** The governance subgraph's first schema: grids, mediation organisations, disputes and their steps, visits, risk. */
export class Migration20261122040000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "governance_centre" ("organization_id" uuid not null, "region_code" varchar(12) not null, constraint "governance_centre_pkey" primary key ("organization_id"));`,
    );
    this.addSql(
      `create table "grid" ("id" uuid not null, "code" varchar(20) not null, "sequence" int not null, "level" text check ("level" in ('FIRST', 'SECOND', 'THIRD')) not null, "name" varchar(100) not null, "parent_id" uuid null, "region_code" varchar(12) not null, "grid_worker_ids" text[] not null, "households" int not null, "police_grid_code" varchar(32) null, "created_at" timestamptz not null default now(), constraint "grid_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "grid" add constraint "grid_code_unique" unique ("code");`);
    this.addSql(`create index "grid_parent_id_index" on "grid" ("parent_id");`);
    this.addSql(`create index "grid_workers_idx" on "grid" using gin ("grid_worker_ids");`);
    this.addSql(
      `create index "grid_region_prefix_idx" on "grid" ("region_code" text_pattern_ops, "code", "id");`,
    );
    this.addSql(
      `alter table "grid" add constraint "grid_region_code_sequence_unique" unique ("region_code", "sequence");`,
    );
    this.addSql(
      `create table "mediation_organization" ("id" uuid not null, "name" varchar(200) not null, "kind" text check ("kind" in ('PEOPLES_MEDIATION', 'LABOUR', 'MEDICAL', 'TRAFFIC', 'PROPERTY_MANAGEMENT', 'OTHER_PROFESSIONAL', 'JOINT_HANDLING_CENTRE')) not null, "level" text check ("level" in ('VILLAGE', 'TOWNSHIP', 'COUNTY')) not null, "region_code" varchar(12) not null, "organization_id" uuid null, constraint "mediation_organization_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "mediation_organization" add constraint "mediation_organization_organization_id_unique" unique ("organization_id");`,
    );
    this.addSql(
      `create index "mediation_organization_region_prefix_idx" on "mediation_organization" ("region_code" text_pattern_ops, "name", "id");`,
    );
    this.addSql(
      `create table "dispute" ("id" uuid not null, "region_code" varchar(12) not null, "grid_id" uuid null, "kind" text check ("kind" in ('MARRIAGE_FAMILY', 'NEIGHBOURS', 'HOMESTEAD_LAND', 'CONTRACT', 'DAMAGES', 'PROPERTY_MANAGEMENT', 'LABOUR_WAGES', 'MEDICAL', 'LAND_ACQUISITION_DEMOLITION', 'OTHER')) not null, "channel" text check ("channel" in ('GRID_PATROL', 'WALK_IN', 'HOTLINE', 'REFERRAL')) not null, "reported_at" timestamptz not null, "parties" varchar(500) not null, "party_count" int not null, "amount" numeric(14,2) null, "summary" text not null, "risk_colour" text check ("risk_colour" in ('RED', 'ORANGE', 'YELLOW')) not null, "status" text check ("status" in ('REGISTERED', 'MEDIATING', 'RESOLVED', 'FAILED', 'REFERRED')) not null, "resolution_level" text check ("resolution_level" in ('VILLAGE', 'TOWNSHIP', 'COUNTY')) null, "organization_id" uuid null, "mediator_id" uuid null, "resolved_at" timestamptz null, "agreement_form" text check ("agreement_form" in ('WRITTEN', 'ORAL')) null, "referral" text check ("referral" in ('LITIGATION', 'ARBITRATION', 'PETITION', 'JOINT_HANDLING')) null, "created_at" timestamptz not null default now(), constraint "dispute_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "dispute_grid_id_index" on "dispute" ("grid_id");`);
    this.addSql(`create index "dispute_status_index" on "dispute" ("status");`);
    this.addSql(`create index "dispute_organization_id_index" on "dispute" ("organization_id");`);
    this.addSql(`create index "dispute_mediator_id_index" on "dispute" ("mediator_id");`);
    this.addSql(`create index "dispute_reported_at_id_index" on "dispute" ("reported_at", "id");`);
    this.addSql(
      `create index "dispute_region_reported_idx" on "dispute" ("region_code" text_pattern_ops, "reported_at");`,
    );
    this.addSql(
      `create table "dispute_step" ("id" uuid not null, "dispute_id" uuid not null, "sequence" int not null, "action" text check ("action" in ('REGISTER', 'START_MEDIATION', 'RESOLVE', 'FAIL', 'REFER')) not null, "status" text check ("status" in ('REGISTERED', 'MEDIATING', 'RESOLVED', 'FAILED', 'REFERRED')) not null, "at" timestamptz not null, "actor" varchar(200) not null, "note" text null, "details" jsonb not null, "recorded_at" timestamptz not null default now(), constraint "dispute_step_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "dispute_step" add constraint "dispute_step_dispute_id_sequence_unique" unique ("dispute_id", "sequence");`,
    );
    this.addSql(
      `create table "return_visit" ("id" uuid not null, "dispute_id" uuid not null, "visited_at" timestamptz not null, "visitor_id" uuid not null, "satisfied" boolean not null, "relapsed" boolean not null, "note" text null, constraint "return_visit_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "return_visit_dispute_id_index" on "return_visit" ("dispute_id");`);
    this.addSql(
      `create table "risk_judgement" ("id" uuid not null, "region_code" varchar(12) not null, "year" int not null, "level" text check ("level" in ('HIGH', 'MEDIUM', 'LOW', 'NONE')) not null, "reasons" text[] not null, "leader_id" uuid null, constraint "risk_judgement_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "risk_judgement_leader_id_index" on "risk_judgement" ("leader_id");`);
    this.addSql(
      `create index "risk_judgement_region_prefix_idx" on "risk_judgement" ("year", "region_code" text_pattern_ops);`,
    );
    this.addSql(
      `alter table "risk_judgement" add constraint "risk_judgement_region_code_year_unique" unique ("region_code", "year");`,
    );
    this.addSql(
      `alter table "grid" add constraint "grid_parent_id_foreign" foreign key ("parent_id") references "grid" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "dispute" add constraint "dispute_grid_id_foreign" foreign key ("grid_id") references "grid" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "dispute" add constraint "dispute_organization_id_foreign" foreign key ("organization_id") references "mediation_organization" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "dispute_step" add constraint "dispute_step_dispute_id_foreign" foreign key ("dispute_id") references "dispute" ("id") on update cascade on delete restrict;`,
    );
    this.addSql(
      `alter table "return_visit" add constraint "return_visit_dispute_id_foreign" foreign key ("dispute_id") references "dispute" ("id") on update cascade on delete restrict;`,
    );

    // the course of a dispute is append-only: a step, once recorded, is never changed or removed
    this.addSql(
      `create function dispute_step_append_only() returns trigger language plpgsql as $$ begin raise exception 'dispute steps are append-only: % refused', tg_op; end $$;`,
    );
    this.addSql(
      `create trigger dispute_step_append_only before update or delete on "dispute_step" for each row execute function dispute_step_append_only();`,
    );
  }
}
