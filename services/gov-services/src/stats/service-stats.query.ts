import type { EntityManager } from '@mikro-orm/postgresql';
import type { ServiceCentre } from '../centre/centre.entity';
import type { ServiceItem } from '../item/item.entity';
import { CaseChannel, type ServiceLevel } from '../vocabulary';
import type { ServiceStats } from './service-stats.types';

export interface StatsPeriod {
  regionCode: string;
  /** YYYY-MM-DD, inclusive */
  from: string;
  to: string;
}

type Row = Record<string, string | number | null>;
const int = (v: unknown) => Number(v ?? 0);
const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

/** The smallest bucket value at which the cumulative count reaches `p` of the total (nearest rank). */
export function percentile(buckets: { value: number; count: number }[], p: number): number | null {
  const total = buckets.reduce((sum, b) => sum + b.count, 0);
  if (!total) return null;
  const rank = Math.ceil(p * total);
  let seen = 0;
  for (const bucket of buckets) {
    seen += bucket.count;
    if (seen >= rank) return bucket.value;
  }
  return buckets.at(-1)!.value;
}

/**
 * The period of a statement, from its three parameters (region, from, to) and a shift in years: its whole
 * months are read from the month tier, only the days before the first and after the last whole month from
 * the day tier.
 */
const period = (shiftYears: number) => `with period as (
  select region, from_day, to_day, first_month, after_months, (after_months - interval '1 month')::date last_month
    from (select ?::text region, f from_day, t to_day,
                 case when f = date_trunc('month', f::timestamp)::date then f
                      else (date_trunc('month', f::timestamp) + interval '1 month')::date end first_month,
                 date_trunc('month', (t + 1)::timestamp)::date after_months
            from (select (?::date - interval '${shiftYears} year')::date f, (?::date - interval '${shiftYears} year')::date t) d) p)`;

/** Rows of a family for the period: `columns` plus `month_start`, from both tiers. */
const tiered = (dayTable: string, monthTable: string, columns: string) => `
  select ${columns}, month as month_start from ${monthTable} r, period p
   where r.region_code = p.region and r.month between p.first_month and p.last_month
  union all
  select ${columns}, date_trunc('month', day::timestamp)::date from ${dayTable} r, period p
   where r.region_code = p.region
     and (r.day between p.from_day and least(p.to_day, p.first_month - 1)
       or r.day between greatest(p.from_day, p.after_months) and p.to_day)`;

const COUNTER_COLUMNS = `channel, level, received, completed, on_time, one_visit, rated, satisfied, bad,
  rectified_on_time, target_cases, target_met`;
const TOTALS = `${period(0)} select channel, level, sum(received)::int received, sum(completed)::int completed,
  sum(on_time)::int on_time, sum(one_visit)::int one_visit, sum(rated)::int rated, sum(satisfied)::int satisfied,
  sum(bad)::int bad, sum(rectified_on_time)::int rectified_on_time, sum(target_cases)::int target_cases,
  sum(target_met)::int target_met
  from (${tiered('rollup_day', 'rollup_month', COUNTER_COLUMNS)}) t group by channel, level`;
const MONTHS = `${period(0)} select to_char(month_start, 'YYYY-MM') as month, sum(received)::int received,
  sum(completed)::int completed from (${tiered('rollup_day', 'rollup_month', 'received, completed')}) t
  group by 1 order by 1`;
const PREVIOUS = `${period(1)} select coalesce(sum(received), 0)::int received
  from (${tiered('rollup_day', 'rollup_month', 'received')}) t`;
const DURATIONS = `${period(0)} select working_days as value, sum(cases)::int as count
  from (${tiered('rollup_duration', 'rollup_duration_month', 'working_days, cases')}) t
  group by working_days order by working_days`;

/**
 * A top list counts the whole months the period touches. When those are exactly one calendar year, the
 * year tier's rank index gives the ten rows directly; otherwise the months are summed.
 */
const topOfYear = (table: string, column: string) => `select ${column} as id, received, completed, on_time
  from ${table} where region_code = ? and year = date_trunc('year', ?::timestamp)::date
  order by received desc, ${column} limit 10`;
const topOfMonths = (table: string, column: string) => `select ${column} as id, sum(received)::int received,
  sum(completed)::int completed, sum(on_time)::int on_time from ${table}
  where region_code = ? and month between date_trunc('month', ?::timestamp)::date and ?::date
  group by ${column} order by received desc, ${column} limit 10`;
const isOneCalendarYear = ({ from, to }: StatsPeriod) =>
  from.slice(0, 4) === to.slice(0, 4) && from.slice(5, 7) === '01' && to.slice(5, 7) === '12';

/**
 * 政务服务统计 from the rollups only: six small statements, each reading the region's own rows (equality
 * on region code) from the coarsest tier that fits, so a year costs tens of rows per key, whatever the
 * number of cases.
 */
export async function serviceStats(
  em: EntityManager,
  period: StatsPeriod,
  load: {
    items: (ids: string[]) => Promise<(ServiceItem | null)[]>;
    centres: (ids: string[]) => Promise<(ServiceCentre | null)[]>;
  },
): Promise<ServiceStats> {
  const connection = em.getConnection();
  const params = [period.regionCode, period.from, period.to];
  const q = (sql: string, values = params) => connection.execute<Row[]>(sql, values);
  const oneYear = isOneCalendarYear(period);
  const yearParams = [period.regionCode, period.from];
  const [totals, months, previous, durations, items, centres] = await Promise.all([
    q(TOTALS),
    q(MONTHS),
    q(PREVIOUS),
    q(DURATIONS),
    oneYear
      ? q(topOfYear('rollup_item_year', 'item_id'), yearParams)
      : q(topOfMonths('rollup_item_month', 'item_id')),
    oneYear
      ? q(topOfYear('rollup_centre_year', 'centre_id'), yearParams)
      : q(topOfMonths('rollup_centre_month', 'centre_id')),
  ]);
  const sum = (column: string, rows: Row[] = totals) => rows.reduce((s, r) => s + int(r[column]), 0);
  const received = sum('received');
  const completed = sum('completed');
  const receivedPreviousYear = int(previous[0]?.received);
  const byChannel = new Map<CaseChannel, number>();
  const byLevel = new Map<ServiceLevel, number>();
  for (const row of totals) {
    const channel = row.channel as CaseChannel;
    const level = row.level as ServiceLevel;
    byChannel.set(channel, (byChannel.get(channel) ?? 0) + int(row.received));
    byLevel.set(level, (byLevel.get(level) ?? 0) + int(row.received));
  }
  const buckets = durations.map((r) => ({ value: int(r.value), count: int(r.count) }));
  const [itemRows, centreRows] = await Promise.all([
    load.items(items.map((r) => String(r.id))),
    load.centres(centres.map((r) => String(r.id))),
  ]);
  const targetCases = sum('target_cases');
  return {
    received,
    completed,
    receivedPreviousYear,
    yearOnYearGrowth: receivedPreviousYear > 0 ? received / receivedPreviousYear - 1 : null,
    byMonth: months.map((r) => ({
      month: String(r.month),
      received: int(r.received),
      completed: int(r.completed),
    })),
    byChannel: [...byChannel].map(([channel, count]) => ({ channel, received: count })),
    byLevel: [...byLevel].map(([level, count]) => ({ level, received: count })),
    p50WorkingDays: percentile(buckets, 0.5),
    p80WorkingDays: percentile(buckets, 0.8),
    onTimeRate: share(sum('on_time'), completed),
    onlineShare: share(byChannel.get(CaseChannel.ONLINE) ?? 0, received),
    oneVisitShare: share(sum('one_visit'), completed),
    ratings: sum('rated'),
    satisfactionShare: share(sum('satisfied'), sum('rated')),
    badReviews: sum('bad'),
    badReviewsRectifiedOnTime: sum('rectified_on_time'),
    targetCases,
    targetAttainment: share(sum('target_met'), targetCases),
    topItems: items.map((r, i) => ({
      item: itemRows[i],
      received: int(r.received),
      completed: int(r.completed),
      onTimeRate: share(int(r.on_time), int(r.completed)),
    })),
    topCentres: centres.map((r, i) => ({
      centre: centreRows[i],
      received: int(r.received),
      completed: int(r.completed),
      onTimeRate: share(int(r.on_time), int(r.completed)),
    })),
  };
}
