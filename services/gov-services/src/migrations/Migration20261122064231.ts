import { Migration } from '@mikro-orm/migrations';

/**
 * Coarser rollup tiers (month for the day tables, year for the top lists), filled from the tier below so a
 * database that already holds cases answers the same figures at once.
 */
export class Migration20261122064231 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "rollup_centre_year" ("region_code" varchar(12) not null, "year" date not null, "centre_id" uuid not null, "received" int not null default 0, "completed" int not null default 0, "on_time" int not null default 0, constraint "rollup_centre_year_pkey" primary key ("region_code", "year", "centre_id"));`,
    );
    this.addSql(
      `create index "rollup_centre_year_rank" on "rollup_centre_year" ("region_code", "year", "received" desc, "centre_id");`,
    );

    this.addSql(
      `create table "rollup_duration_month" ("region_code" varchar(12) not null, "month" date not null, "working_days" smallint not null, "cases" int not null default 0, constraint "rollup_duration_month_pkey" primary key ("region_code", "month", "working_days"));`,
    );

    this.addSql(
      `create table "rollup_item_year" ("region_code" varchar(12) not null, "year" date not null, "item_id" uuid not null, "received" int not null default 0, "completed" int not null default 0, "on_time" int not null default 0, constraint "rollup_item_year_pkey" primary key ("region_code", "year", "item_id"));`,
    );
    this.addSql(
      `create index "rollup_item_year_rank" on "rollup_item_year" ("region_code", "year", "received" desc, "item_id");`,
    );

    this.addSql(
      `create table "rollup_month" ("region_code" varchar(12) not null, "month" date not null, "channel" text check ("channel" in ('ONLINE', 'WINDOW', 'PROXY')) not null, "level" text check ("level" in ('COUNTY', 'TOWNSHIP', 'VILLAGE')) not null, "received" int not null default 0, "completed" int not null default 0, "on_time" int not null default 0, "one_visit" int not null default 0, "rated" int not null default 0, "satisfied" int not null default 0, "bad" int not null default 0, "rectified_on_time" int not null default 0, "target_cases" int not null default 0, "target_met" int not null default 0, constraint "rollup_month_pkey" primary key ("region_code", "month", "channel", "level"));`,
    );
    const counters =
      'received, completed, on_time, one_visit, rated, satisfied, bad, rectified_on_time, target_cases, target_met';
    const sums = (list: string) =>
      list
        .split(', ')
        .map((c) => `sum(${c})`)
        .join(', ');
    this.addSql(
      `insert into rollup_month (region_code, month, channel, level, ${counters}) select region_code, date_trunc('month', day::timestamp)::date, channel, level, ${sums(counters)} from rollup_day group by 1, 2, 3, 4;`,
    );
    this.addSql(
      `insert into rollup_duration_month (region_code, month, working_days, cases) select region_code, date_trunc('month', day::timestamp)::date, working_days, sum(cases) from rollup_duration group by 1, 2, 3;`,
    );
    for (const key of ['item', 'centre'])
      this.addSql(
        `insert into rollup_${key}_year (region_code, year, ${key}_id, received, completed, on_time) select region_code, date_trunc('year', month::timestamp)::date, ${key}_id, sum(received), sum(completed), sum(on_time) from rollup_${key}_month group by 1, 2, 3;`,
      );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "rollup_centre_year" cascade;`);

    this.addSql(`drop table if exists "rollup_duration_month" cascade;`);

    this.addSql(`drop table if exists "rollup_item_year" cascade;`);

    this.addSql(`drop table if exists "rollup_month" cascade;`);
  }
}
