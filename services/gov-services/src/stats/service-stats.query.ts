import type { EntityManager } from '@mikro-orm/postgresql';
import { rollupPeriod, yearsBefore } from '@county/domain';
import { PreparedRead } from '@county/kit';
import { pgArray } from '../pg-array';
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
 * Rows of a family for a period, each with the asking region of `scope` (pairs of the region asked and a
 * code it sums): `columns` plus `month_start`, from its whole months in the month tier and its edge days in
 * the day tier (`rollupPeriod`). Each code is read on its own (a lateral subquery, `offset 0` so that it is
 * not flattened into a join): three index ranges per code, whatever plan is cached. Joining the pairs to the
 * tables, even with `region_code = any(codes)`, let a generic plan read far more of them: 68 ms a county's
 * cockpit refresh at the bench's 11 counties. Six parameters: those of `tierBounds`.
 */
const tiered = (dayTable: string, monthTable: string, columns: string) => `
  select s.region, t.* from scope s cross join lateral (
    select ${columns}, month as month_start from ${monthTable}
     where region_code = s.code and month >= ?::date and month < ?::date
    union all
    select ${columns}, date_trunc('month', day::timestamp)::date from ${dayTable}
     where region_code = s.code and day >= ?::date and day < ?::date
    union all
    select ${columns}, date_trunc('month', day::timestamp)::date from ${dayTable}
     where region_code = s.code and day >= ?::date and day <= ?::date
    offset 0) t`;

/**
 * As `tiered`, but each code's rows summed by `key` inside its subquery, the months not kept: the durations
 * histogram, whose month rows (a township's year: ~300 rows of ~40 values of working days) were sorted and
 * grouped all together, by region, after the read (the largest part of the children's statement at the
 * bench's 11 counties). Six parameters: those of `tierBounds`.
 */
const tieredSums = (dayTable: string, monthTable: string, key: string, counter: string) => `
  select s.region, t.* from scope s cross join lateral (
    select ${key}, sum(${counter}) as ${counter} from (
      select ${key}, ${counter} from ${monthTable}
       where region_code = s.code and month >= ?::date and month < ?::date
      union all
      select ${key}, ${counter} from ${dayTable}
       where region_code = s.code and day >= ?::date and day < ?::date
      union all
      select ${key}, ${counter} from ${dayTable}
       where region_code = s.code and day >= ?::date and day <= ?::date) u
    group by ${key} offset 0) t`;

/** The parameters of one `tiered` read. */
function tierBounds(from: string, to: string): string[] {
  const p = rollupPeriod(from, to);
  return [p.monthsFrom, p.monthsUntil, p.from, p.headUntil, p.tailFrom, p.to];
}

const COUNTER_COLUMNS = `channel, level, received, completed, on_time, one_visit, rated, satisfied, bad,
  rectified_on_time, target_cases, target_met`;

/** The parts of the figures a statement computes beyond the totals: each only when a field needs it. */
export interface StatsParts {
  /** `byMonth` */
  months: boolean;
  /** `receivedPreviousYear`, `yearOnYearGrowth` */
  previous: boolean;
  /** `p50WorkingDays`, `p80WorkingDays`: the durations histogram, the costliest part */
  durations: boolean;
}
export const ALL_PARTS: StatsParts = { months: true, previous: true, durations: true };
export const partsKey = (parts: StatsParts): string =>
  `${+parts.months}${+parts.previous}${+parts.durations}`;

/**
 * Every figure but the top lists of every region asked at one query level, in one statement (one plan, one
 * round trip): each part read once for all the regions and grouped by region, a row per region with each
 * part a json value. A part not in `parts` is not read (its figures are empty): the cockpit's children ask
 * only an on-time rate, and their durations were most of the statement. Parameters: the scope's regions and
 * codes, the period's bounds, then for each part read the same days a year earlier (previous) and the
 * period's again (durations).
 */
export const figuresSql = (parts: StatsParts): string => `with scope as (
  select * from unnest(?::text[], ?::text[]) as s(region, code)),
counters as (${tiered('rollup_day', 'rollup_month', COUNTER_COLUMNS)}),${
  parts.previous ? `\nprevious as (${tiered('rollup_day', 'rollup_month', 'received')}),` : ''
}${
  parts.durations
    ? `\ndurations as (${tieredSums('rollup_duration', 'rollup_duration_month', 'working_days', 'cases')}),`
    : ''
}
totals as (
  select region, json_agg(json_build_object('channel', channel, 'level', level, 'received', received,
           'completed', completed, 'on_time', on_time, 'one_visit', one_visit, 'rated', rated, 'satisfied', satisfied,
           'bad', bad, 'rectified_on_time', rectified_on_time, 'target_cases', target_cases, 'target_met', target_met)) as totals
    from (select region, channel, level, sum(received)::int received, sum(completed)::int completed,
                 sum(on_time)::int on_time, sum(one_visit)::int one_visit, sum(rated)::int rated,
                 sum(satisfied)::int satisfied, sum(bad)::int bad, sum(rectified_on_time)::int rectified_on_time,
                 sum(target_cases)::int target_cases, sum(target_met)::int target_met
            from counters group by region, channel, level) t
   group by region)${
     parts.months
       ? `,
months as (
  select region, json_agg(json_build_object('month', month, 'received', received, 'completed', completed)
           order by month) as months
    from (select region, to_char(month_start, 'YYYY-MM') as month, sum(received)::int received,
                 sum(completed)::int completed
            from counters group by region, 2) m
   group by region)`
       : ''
   }${parts.previous ? `,\nreceived_before as (select region, sum(received)::int as previous from previous group by region)` : ''}${
     parts.durations
       ? `,
buckets as (
  select region, json_agg(json_build_object('value', value, 'count', count) order by value) as durations
    from (select region, working_days as value, sum(cases)::int as count from durations group by region, working_days) d
   group by region)`
       : ''
   }
select r.region, coalesce(t.totals, '[]') as totals,
       ${parts.months ? "coalesce(m.months, '[]')" : "'[]'::json"} as months,
       ${parts.previous ? 'coalesce(p.previous, 0)' : '0'} as previous,
       ${parts.durations ? "coalesce(b.durations, '[]')" : "'[]'::json"} as durations
  from (select distinct region from scope) r
  left join totals t on t.region = r.region${parts.months ? '\n  left join months m on m.region = r.region' : ''}${
    parts.previous ? '\n  left join received_before p on p.region = r.region' : ''
  }${parts.durations ? '\n  left join buckets b on b.region = r.region' : ''}`;
export const FIGURES_SQL = figuresSql(ALL_PARTS);

/** One prepared statement per set of parts: eight at most. */
const FIGURES = new Map<string, PreparedRead<FiguresRow>>();
const figuresRead = (parts: StatsParts) => {
  const key = partsKey(parts);
  let read = FIGURES.get(key);
  if (!read) FIGURES.set(key, (read = PreparedRead.of<FiguresRow>(figuresSql(parts))));
  return read;
};

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
  region: string;
  totals: CounterRow[];
  months: { month: string; received: number; completed: number }[];
  previous: number;
  durations: { value: number; count: number }[];
}

/** A region asked for, with the codes its figures sum over (kit regionScope). */
export interface StatsRegion {
  regionCode: string;
  codes: string[];
}

/**
 * 政务服务统计 from the rollups only, for every region asked at one query level in ONE statement, reading
 * each region's own rows (equality on region code) from the coarsest tier that fits, so a year costs tens of
 * rows per key, whatever the number of cases. The top lists are separate fields, read only when asked for
 * (`top-lists.query.ts`). Figures in the order of `regions`.
 */
export async function serviceStatsFigures(
  em: EntityManager,
  regions: readonly StatsRegion[],
  from: string,
  to: string,
  parts: StatsParts = ALL_PARTS,
): Promise<ServiceStatsFigures[]> {
  const pairs = regions.flatMap(({ regionCode, codes }) => codes.map((code) => [regionCode, code]));
  const rows = await figuresRead(parts).run(em, [
    pgArray(pairs.map(([region]) => region)),
    pgArray(pairs.map(([, code]) => code)),
    ...tierBounds(from, to),
    ...(parts.previous ? tierBounds(yearsBefore(from, 1), yearsBefore(to, 1)) : []),
    ...(parts.durations ? tierBounds(from, to) : []),
  ]);
  const byRegion = new Map(rows.map((row) => [row.region, row]));
  return regions.map(({ regionCode }) => toFigures(byRegion.get(regionCode)!));
}

function toFigures(row: FiguresRow): ServiceStatsFigures {
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
