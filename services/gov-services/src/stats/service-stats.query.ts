import type { EntityManager } from '@mikro-orm/postgresql';
import { rollupPeriod, yearsBefore } from '@county/domain';
import { PreparedRead, regionScopeCondition } from '@county/kit';
import { CaseChannel, type ServiceLevel } from '../vocabulary';
import type { ServiceStatsFigures } from './service-stats.types';

export interface StatsPeriod {
  regionCode: string;
  /** The codes counted (kit regionScope): the region's own, and in today's regions those merged into it. */
  codes: string[];
  /** YYYY-MM-DD, inclusive */
  from: string;
  to: string;
}

const int = (v: unknown) => Number(v ?? 0);
const byKey = ([a]: [string, number], [b]: [string, number]) => (a < b ? -1 : a > b ? 1 : 0);
export const share = (part: number, whole: number) => (whole > 0 ? part / whole : null);

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
 * Rows of a family for a period: `columns` plus `month_start`, from its whole months in the month tier
 * and its edge days in the day tier (`rollupPeriod`), each part an index range. Nine parameters: those of
 * `tierBounds`.
 */
const tiered = (dayTable: string, monthTable: string, columns: string, region: string) => `
  select ${columns}, month as month_start from ${monthTable}
   where ${region} and month >= ?::date and month < ?::date
  union all
  select ${columns}, date_trunc('month', day::timestamp)::date from ${dayTable}
   where ${region} and day >= ?::date and day < ?::date
  union all
  select ${columns}, date_trunc('month', day::timestamp)::date from ${dayTable}
   where ${region} and day >= ?::date and day <= ?::date`;

/** The parameters of one `tiered` read; `region` is its region condition's parameter. */
function tierBounds(region: string, from: string, to: string): string[] {
  const p = rollupPeriod(from, to);
  return [region, p.monthsFrom, p.monthsUntil, region, p.from, p.headUntil, region, p.tailFrom, p.to];
}

const COUNTER_COLUMNS = `channel, level, received, completed, on_time, one_visit, rated, satisfied, bad,
  rectified_on_time, target_cases, target_met`;

/**
 * Every figure but the top lists, in one statement (one plan, one round trip): each part a json value.
 * Parameters: the period's bounds, the same days a year earlier, the period's again (durations).
 */
const figures = (region: string) =>
  PreparedRead.of<FiguresRow>(`with counters as (${tiered('rollup_day', 'rollup_month', COUNTER_COLUMNS, region)})
select
  (select coalesce(json_agg(t), '[]') from (
     select channel, level, sum(received)::int received, sum(completed)::int completed, sum(on_time)::int on_time,
            sum(one_visit)::int one_visit, sum(rated)::int rated, sum(satisfied)::int satisfied, sum(bad)::int bad,
            sum(rectified_on_time)::int rectified_on_time, sum(target_cases)::int target_cases,
            sum(target_met)::int target_met
       from counters group by channel, level) t) as totals,
  (select coalesce(json_agg(m order by m.month), '[]') from (
     select to_char(month_start, 'YYYY-MM') as month, sum(received)::int received, sum(completed)::int completed
       from counters group by 1) m) as months,
  (select coalesce(sum(received), 0)::int
     from (${tiered('rollup_day', 'rollup_month', 'received', region)}) t) as previous,
  (select coalesce(json_agg(d order by d.value), '[]') from (
     select working_days as value, sum(cases)::int as count
       from (${tiered('rollup_duration', 'rollup_duration_month', 'working_days, cases', region)}) t
      group by working_days) d) as durations`);

interface CounterRow {
  channel: CaseChannel;
  level: ServiceLevel;
  received: number;
  completed: number;
  on_time: number;
  one_visit: number;
  rated: number;
  satisfied: number;
  bad: number;
  rectified_on_time: number;
  target_cases: number;
  target_met: number;
}

interface FiguresRow {
  totals: CounterRow[];
  months: { month: string; received: number; completed: number }[];
  previous: number;
  durations: { value: number; count: number }[];
}

/**
 * 政务服务统计 from the rollups only, in one statement reading the region's own rows (equality on region
 * code) from the coarsest tier that fits, so a year costs tens of rows per key, whatever the number of
 * cases. The top lists are separate fields, read only when asked for (`top-lists.query.ts`).
 */
export async function serviceStatsFigures(
  em: EntityManager,
  period: StatsPeriod,
): Promise<ServiceStatsFigures> {
  const { from, to } = period;
  const region = regionScopeCondition('region_code', period.codes);
  const [row] = await figures(region.sql).run(em, [
    ...tierBounds(region.parameter, from, to),
    ...tierBounds(region.parameter, yearsBefore(from, 1), yearsBefore(to, 1)),
    ...tierBounds(region.parameter, from, to),
  ]);
  const totals = row.totals;
  const sum = (column: Exclude<keyof CounterRow, 'channel' | 'level'>) =>
    totals.reduce((s, r) => s + int(r[column]), 0);
  const received = sum('received');
  const completed = sum('completed');
  const receivedPreviousYear = int(row.previous);
  const byChannel = new Map<CaseChannel, number>();
  const byLevel = new Map<ServiceLevel, number>();
  for (const r of totals) {
    byChannel.set(r.channel, (byChannel.get(r.channel) ?? 0) + int(r.received));
    byLevel.set(r.level, (byLevel.get(r.level) ?? 0) + int(r.received));
  }
  const targetCases = sum('target_cases');
  return {
    received,
    completed,
    receivedPreviousYear,
    yearOnYearGrowth: receivedPreviousYear > 0 ? received / receivedPreviousYear - 1 : null,
    byMonth: row.months,
    // in a stable order, whatever plan PostgreSQL picks: repeated questions get byte-identical answers
    byChannel: [...byChannel].sort(byKey).map(([channel, count]) => ({ channel, received: count })),
    byLevel: [...byLevel].sort(byKey).map(([level, count]) => ({ level, received: count })),
    p50WorkingDays: percentile(row.durations, 0.5),
    p80WorkingDays: percentile(row.durations, 0.8),
    onTimeRate: share(sum('on_time'), completed),
    onlineShare: share(byChannel.get(CaseChannel.ONLINE) ?? 0, received),
    oneVisitShare: share(sum('one_visit'), completed),
    ratings: sum('rated'),
    satisfactionShare: share(sum('satisfied'), sum('rated')),
    badReviews: sum('bad'),
    badReviewsRectifiedOnTime: sum('rectified_on_time'),
    targetCases,
    targetAttainment: share(sum('target_met'), targetCases),
  };
}
