import { Migration } from '@mikro-orm/migrations';

/** The copy of people's region successions (merges), beside the region copy, in every subgraph's database. */
export class KitRegionSuccessionCopy20261205 extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "directory_region_succession" (
      "predecessor_code" varchar(12) not null,
      "successor_code" varchar(12) not null,
      "effective_on" date not null,
      constraint "directory_region_succession_pkey" primary key ("predecessor_code", "successor_code"));`);
    this.addSql(
      `create index "directory_region_succession_successor_code_index" on "directory_region_succession" ("successor_code");`,
    );
  }
}
