import { Migration } from '@mikro-orm/migrations';

/** The attributes of an item that a catalogue change may move: kept per version. */
export const ITEM_VERSION_COLUMNS = [
  'name',
  'kind',
  'responsible_organization_id',
  'levels',
  'statutory_limit',
  'committed_limit',
  'processing',
  'visit_requirement',
  'max_visits',
  'online_capable',
  'high_frequency',
  'delegated',
  'cross_region_partners',
  'target_days',
  'max_extension_days',
] as const;

/**
 * Every item's first version, copied from its row where it has none yet (the catalogue before versions,
 * and a seeder's bulk-loaded items): in effect since the row's own `effective_from`.
 */
export const RECORD_FIRST_VERSIONS = `insert into "service_item_version"
  ("item_id", "version", "effective_from", ${ITEM_VERSION_COLUMNS.map((c) => `"${c}"`).join(', ')})
  select i.id, 1, i.effective_from, ${ITEM_VERSION_COLUMNS.map((c) => `i."${c}"`).join(', ')}
    from "service_item" i
   where not exists (select 1 from "service_item_version" v where v.item_id = i.id)`;

/**
 * 事项变更与取消: service items get versions with an effective date and a retirement date; each case keeps
 * the version it was received under (`item_version`; every case so far was received under version 1).
 * 窗口与人员: windows and staff of each centre, and who backs whom (B岗); the declared counts and the fixed
 * B岗 share give way to figures counted from that roster.
 */
export class Migration20261205040000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "service_item"
      add column "version" int not null default 1,
      add column "effective_from" date not null default '2000-01-01',
      add column "retired_from" date null;`);
    this.addSql(`create table "service_item_version" (
      "item_id" uuid not null,
      "version" int not null,
      "effective_from" date not null,
      "name" varchar(200) not null,
      "kind" text not null,
      "responsible_organization_id" uuid not null,
      "levels" text[] not null,
      "statutory_limit" smallint not null,
      "committed_limit" smallint not null,
      "processing" text not null,
      "visit_requirement" text not null,
      "max_visits" smallint not null,
      "online_capable" boolean not null,
      "high_frequency" boolean not null,
      "delegated" boolean not null,
      "cross_region_partners" text[] not null,
      "target_days" smallint null,
      "max_extension_days" smallint null,
      "recorded_at" timestamptz not null default now(),
      constraint "service_item_version_pkey" primary key ("item_id", "version"),
      constraint "service_item_version_effective_unique" unique ("item_id", "effective_from"));`);
    this.addSql(RECORD_FIRST_VERSIONS);
    // like every key here, checked by the writes (registerCase takes the version from the table), not by a
    // foreign key: the bulk loader COPYs millions of cases
    this.addSql(`alter table "service_case" add column "item_version" int not null default 1;`);

    this.addSql(`alter table "service_centre"
      drop column "windows", drop column "staff", drop column "backup_coverage",
      add column "version" int not null default 1;`);
    this.addSql(`create table "service_window" (
      "id" uuid not null,
      "centre_id" uuid not null,
      "number" varchar(20) not null,
      "name" varchar(100) not null,
      "version" int not null default 1,
      constraint "service_window_pkey" primary key ("id"),
      constraint "service_window_number_unique" unique ("centre_id", "number"));`);
    this.addSql(`create table "service_staff" (
      "id" uuid not null,
      "centre_id" uuid not null,
      "window_id" uuid null,
      "name" varchar(50) not null,
      "phone" varchar(20) null,
      "post" varchar(100) not null,
      "backup_staff_id" uuid null,
      "active" boolean not null default true,
      "version" int not null default 1,
      constraint "service_staff_pkey" primary key ("id"));`);
    this.addSql(
      `create index "service_staff_centre_id_index" on "service_staff" ("centre_id", "name", "id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "service_staff";`);
    this.addSql(`drop table if exists "service_window";`);
    this.addSql(`alter table "service_centre" drop column "version",
      add column "windows" smallint not null default 0, add column "staff" smallint not null default 0,
      add column "backup_coverage" real not null default 0;`);
    this.addSql(`alter table "service_case" drop column "item_version";`);
    this.addSql(`drop table if exists "service_item_version";`);
    this.addSql(`alter table "service_item" drop column "version", drop column "effective_from",
      drop column "retired_from";`);
  }
}
