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

const TOTALS = `select channel, level, sum(received)::int received, sum(completed)::int completed,
  sum(on_time)::int on_time, sum(one_visit)::int one_visit, sum(rated)::int rated, sum(satisfied)::int satisfied,
  sum(bad)::int bad, sum(rectified_on_time)::int rectified_on_time, sum(target_cases)::int target_cases,
  sum(target_met)::int target_met
  from rollup_day where region_code = ? and day between ?::date and ?::date group by channel, level`;
const MONTHS = `select to_char(day, 'YYYY-MM') as month, sum(received)::int received, sum(completed)::int completed
  from rollup_day where region_code = ? and day between ?::date and ?::date group by 1 order by 1`;
const PREVIOUS = `select coalesce(sum(received), 0)::int received from rollup_day
  where region_code = ? and day between (?::date - interval '1 year')::date and (?::date - interval '1 year')::date`;
const DURATIONS = `select working_days as value, sum(cases)::int as count from rollup_duration
  where region_code = ? and day between ?::date and ?::date group by working_days order by working_days`;
const top = (table: string, column: string) => `select ${column} as id, sum(received)::int received,
  sum(completed)::int completed, sum(on_time)::int on_time from ${table}
  where region_code = ? and month between date_trunc('month', ?::date)::date and ?::date
  group by ${column} order by received desc, ${column} limit 10`;

/**
 * 政务服务统计 from the rollups only: six small statements, each reading the region's own rows (equality
 * on region code), so the cost depends on the length of the period, not on the number of cases.
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
  const q = (sql: string) => connection.execute<Row[]>(sql, params);
  const [totals, months, previous, durations, items, centres] = await Promise.all([
    q(TOTALS),
    q(MONTHS),
    q(PREVIOUS),
    q(DURATIONS),
    q(top('rollup_item_month', 'item_id')),
    q(top('rollup_centre_month', 'centre_id')),
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
