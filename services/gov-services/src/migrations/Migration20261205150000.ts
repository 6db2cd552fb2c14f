import { Migration } from '@mikro-orm/migrations';

const CHINA_DAY = `(received_at at time zone 'Asia/Shanghai')::date`;

/*
 * Cases received per item at each township (or development zone), by day and by month: the delegated
 * powers' figures read these instead of the cases. Filled from the cases already recorded (those of a
 * township or village centre, at its township); each new case is booked with its other rollups.
 */
export class Migration20261205150000 extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "rollup_township_item_day" ("region_code" varchar(9) not null, "item_id" uuid not null, "day" date not null, "received" int not null default 0, constraint "rollup_township_item_day_pkey" primary key ("region_code", "item_id", "day"));`,
    );
    this.addSql(
      `create table "rollup_township_item_month" ("region_code" varchar(9) not null, "item_id" uuid not null, "month" date not null, "received" int not null default 0, constraint "rollup_township_item_month_pkey" primary key ("region_code", "item_id", "month"));`,
    );
    this.addSql(`insert into rollup_township_item_day (region_code, item_id, day, received)
      select left(region_code, 9), item_id, ${CHINA_DAY}, count(*)::int
        from service_case where length(region_code) >= 9
       group by 1, 2, 3 order by 1, 2, 3;`);
    this.addSql(`insert into rollup_township_item_month (region_code, item_id, month, received)
      select region_code, item_id, date_trunc('month', day::timestamp)::date, sum(received)::int
        from rollup_township_item_day group by 1, 2, 3 order by 1, 2, 3;`);
    this.addSql(`analyze rollup_township_item_day;`);
    this.addSql(`analyze rollup_township_item_month;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "rollup_township_item_month" cascade;`);
    this.addSql(`drop table if exists "rollup_township_item_day" cascade;`);
  }
}
