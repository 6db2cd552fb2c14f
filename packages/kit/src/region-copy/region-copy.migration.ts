import { Migration } from '@mikro-orm/migrations';

/** The copy of people's region tree and organisation names (./region-copy.entity.ts), in every subgraph's database. */
export class KitDirectoryCopy20261205 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "directory_region" (
      "code" varchar(12) not null,
      "name" varchar(100) not null,
      "level" varchar(16) not null,
      "parent_code" varchar(12) null,
      "synced_at" timestamptz not null,
      constraint "directory_region_pkey" primary key ("code"));`);
    this.addSql(`create index "directory_region_parent_code_index" on "directory_region" ("parent_code");`);
    this.addSql(`create table "directory_organization" (
      "id" uuid not null,
      "name" varchar(200) not null,
      "synced_at" timestamptz not null,
      constraint "directory_organization_pkey" primary key ("id"));`);
    // when the copy last matched people: its rows change only when people's do
    this.addSql(`create table "directory_copy_sync" (
      "singleton" boolean primary key default true,
      "synced_at" timestamptz not null);`);
  }
}
