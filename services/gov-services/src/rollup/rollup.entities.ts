import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { CaseChannel, ServiceLevel } from '../vocabulary';

/*
 * Rollups: counters kept in the same transaction as each case event, one row per region level the centre
 * lies in (village, township, county, city), so a region reads its own rows by equality — never the cases.
 * Each counter is booked on the day of the event that moves it (received on receipt, on-time on completion,
 * ratings on rating, rectification on rectification).
 */

/*
 * The counters, declared once per family (each table keeps its own keys, in the order of its primary key
 * and index).
 */

/** Cases by channel and level: received, completed, on time, ratings, reviews, targets. */
@Entity({ abstract: true })
export abstract class ServiceCounters {
  @Property({ type: 'integer', default: 0 }) received!: number;
  @Property({ type: 'integer', default: 0 }) completed!: number;
  @Property({ type: 'integer', default: 0 }) onTime!: number;
  @Property({ type: 'integer', default: 0 }) oneVisit!: number;
  @Property({ type: 'integer', default: 0 }) rated!: number;
  @Property({ type: 'integer', default: 0 }) satisfied!: number;
  @Property({ type: 'integer', default: 0 }) bad!: number;
  @Property({ type: 'integer', default: 0 }) rectifiedOnTime!: number;
  @Property({ type: 'integer', default: 0 }) targetCases!: number;
  @Property({ type: 'integer', default: 0 }) targetMet!: number;
}

/** Completed cases with one number of net working days. */
@Entity({ abstract: true })
export abstract class DurationCount {
  @Property({ type: 'integer', default: 0 }) cases!: number;
}

/** The figures of a top list's entry. */
@Entity({ abstract: true })
export abstract class RankCounters {
  @Property({ type: 'integer', default: 0 }) received!: number;
  @Property({ type: 'integer', default: 0 }) completed!: number;
  @Property({ type: 'integer', default: 0 }) onTime!: number;
}

@Entity({ tableName: 'rollup_day' })
export class DayRollup extends ServiceCounters {
  @PrimaryKey({ type: 'string', length: 12 })
  regionCode!: string;

  @PrimaryKey({ type: 'date' })
  day!: string;

  @Enum({ items: () => CaseChannel, primary: true })
  channel!: CaseChannel;

  @Enum({ items: () => ServiceLevel, primary: true })
  level!: ServiceLevel;
}

/** Completed cases by net working days: percentiles come from these buckets. */
@Entity({ tableName: 'rollup_duration' })
export class DurationRollup extends DurationCount {
  @PrimaryKey({ type: 'string', length: 12 })
  regionCode!: string;

  @PrimaryKey({ type: 'date' })
  day!: string;

  @PrimaryKey({ type: 'smallint' })
  workingDays!: number;
}

/** Per item and calendar month (the top lists count whole months). */
@Entity({ tableName: 'rollup_item_month' })
export class ItemMonthRollup extends RankCounters {
  @PrimaryKey({ type: 'string', length: 12 })
  regionCode!: string;

  @PrimaryKey({ type: 'date' })
  month!: string;

  @PrimaryKey({ type: 'uuid' })
  itemId!: string;
}

/** Per centre and calendar month. */
@Entity({ tableName: 'rollup_centre_month' })
export class CentreMonthRollup extends RankCounters {
  @PrimaryKey({ type: 'string', length: 12 })
  regionCode!: string;

  @PrimaryKey({ type: 'date' })
  month!: string;

  @PrimaryKey({ type: 'uuid' })
  centreId!: string;
}

/*
 * Coarser tiers of the same counters: a period's whole months (and, for the top lists, whole years) are read
 * from these, so a year is 12 rows (or 1) per key instead of 365. Booked in the same statement as the day
 * rows; the stats query takes whole months from here and only the edge days from the day tables.
 */

/** `rollup_day` by calendar month. */
@Entity({ tableName: 'rollup_month' })
export class MonthRollup extends ServiceCounters {
  @PrimaryKey({ type: 'string', length: 12 })
  regionCode!: string;

  @PrimaryKey({ type: 'date' })
  month!: string;

  @Enum({ items: () => CaseChannel, primary: true })
  channel!: CaseChannel;

  @Enum({ items: () => ServiceLevel, primary: true })
  level!: ServiceLevel;
}

/** `rollup_duration` by calendar month. */
@Entity({ tableName: 'rollup_duration_month' })
export class DurationMonthRollup extends DurationCount {
  @PrimaryKey({ type: 'string', length: 12 })
  regionCode!: string;

  @PrimaryKey({ type: 'date' })
  month!: string;

  @PrimaryKey({ type: 'smallint' })
  workingDays!: number;
}

/** Per item and calendar year (its 1 January): a year's top 10 is an index range scan of 10 rows. */
@Entity({ tableName: 'rollup_item_year' })
@Index({
  name: 'rollup_item_year_rank',
  expression: `create index "rollup_item_year_rank" on "rollup_item_year" ("region_code", "year", "received" desc, "item_id")`,
})
export class ItemYearRollup extends RankCounters {
  @PrimaryKey({ type: 'string', length: 12 })
  regionCode!: string;

  @PrimaryKey({ type: 'date' })
  year!: string;

  @PrimaryKey({ type: 'uuid' })
  itemId!: string;
}

/** Per centre and calendar year. */
@Entity({ tableName: 'rollup_centre_year' })
@Index({
  name: 'rollup_centre_year_rank',
  expression: `create index "rollup_centre_year_rank" on "rollup_centre_year" ("region_code", "year", "received" desc, "centre_id")`,
})
export class CentreYearRollup extends RankCounters {
  @PrimaryKey({ type: 'string', length: 12 })
  regionCode!: string;

  @PrimaryKey({ type: 'date' })
  year!: string;

  @PrimaryKey({ type: 'uuid' })
  centreId!: string;
}

/*
 * Cases received per item at each township or development zone (9-digit code) only: what a delegated power's
 * figures count (赋权统计), a delegation summing its power's items in its township from its day. The key
 * leads with region and item, so one delegation's window is one index range.
 */

/** Cases received per township, item and day. */
@Entity({ tableName: 'rollup_township_item_day' })
export class TownshipItemDayRollup {
  @PrimaryKey({ type: 'string', length: 9 })
  regionCode!: string;

  @PrimaryKey({ type: 'uuid' })
  itemId!: string;

  @PrimaryKey({ type: 'date' })
  day!: string;

  @Property({ type: 'integer', default: 0 }) received!: number;
}

/** `rollup_township_item_day` by calendar month: a delegation's whole months. */
@Entity({ tableName: 'rollup_township_item_month' })
export class TownshipItemMonthRollup {
  @PrimaryKey({ type: 'string', length: 9 })
  regionCode!: string;

  @PrimaryKey({ type: 'uuid' })
  itemId!: string;

  @PrimaryKey({ type: 'date' })
  month!: string;

  @Property({ type: 'integer', default: 0 }) received!: number;
}
