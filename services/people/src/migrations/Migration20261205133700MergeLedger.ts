import { Migration } from '@mikro-orm/migrations';

/*
 * The ledgers of a merge (两项改革 "后半篇"): premises a merge left idle and their disposal, and the schools,
 * health centres and elderly-care homes of the merged-away regions, each kept against its region succession.
 */
export class Migration20261205133700MergeLedger extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "merge_idle_asset" ("id" uuid not null, "predecessor_code" varchar(12) not null, "successor_code" varchar(12) not null, "kind" text check ("kind" in ('STATION', 'OFFICE_BUILDING', 'ANCILLARY_BUILDING', 'SCHOOL_BUILDING', 'LAND', 'OTHER')) not null, "name" varchar(200) not null, "area" numeric(12,2) not null, "book_value" numeric(14,2) not null, "disposal" text check ("disposal" in ('REUSE', 'LEASE', 'AUCTION', 'TRANSFER')) null, "disposed_on" date null, "proceeds" numeric(14,2) null, "disposed_to" varchar(200) null, "version" int not null default 1, constraint "merge_idle_asset_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "merge_idle_asset_successor_index" on "merge_idle_asset" ("successor_code");`);
    this.addSql(
      `alter table "merge_idle_asset" add constraint "merge_idle_asset_predecessor_name_unique" unique ("predecessor_code", "name");`,
    );
    this.addSql(
      `create table "restructured_facility" ("id" uuid not null, "predecessor_code" varchar(12) not null, "successor_code" varchar(12) not null, "kind" text check ("kind" in ('SCHOOL', 'CLINIC', 'ELDERLY_CARE')) not null, "name" varchar(200) not null, "outcome" text check ("outcome" in ('KEPT', 'MERGED', 'CONVERTED')) not null, "became" varchar(200) null, "restructured_on" date not null, "version" int not null default 1, constraint "restructured_facility_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "restructured_facility_successor_index" on "restructured_facility" ("successor_code");`,
    );
    this.addSql(
      `alter table "restructured_facility" add constraint "restructured_facility_predecessor_name_unique" unique ("predecessor_code", "name");`,
    );
    for (const table of ['merge_idle_asset', 'restructured_facility'])
      for (const side of ['predecessor', 'successor'])
        this.addSql(
          `alter table "${table}" add constraint "${table}_${side}_code_foreign" foreign key ("${side}_code") references "region" ("code") on update cascade on delete restrict;`,
        );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table "restructured_facility";`);
    this.addSql(`drop table "merge_idle_asset";`);
  }
}
