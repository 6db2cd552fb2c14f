import { rollupPeriod } from '@county/domain';
import { PreparedRead, type SubgraphContext } from '@county/kit';
import type { DisputeStats } from './dispute-stats.types';
import type { ResolutionFigures } from './dispute-resolutions';

/*
 * The counters, by kind and by month, from the rollups: whole months from dispute_rollup_month, the edge
 * days from dispute_rollup_day (see rollupPeriod in @county/domain), each an index range on (region code, period), summed by
 * PostgreSQL as three grouping sets — the period, each kind, each month. The cost follows the number of
 * months and kinds, never the number of disputes. Kinds and months with no dispute reported in the period
 * are left out, as they always were (a rollup row can fall back to zero when its disputes change).
 */
const COUNTS = 'reported, mediated, resolved, resolved_locally, open_red, open_orange, reopened';
/*
 * Every region a query level asks for in one statement (a county and its townships: two statements, not
 * one per township): `scope` pairs each region asked with the codes it sums (its own, and under today's
 * mapping those merged into it). Each code is read on its own, a lateral subquery (`offset 0`, so that it is
 * not flattened into a join) of three index ranges on (region code, period), whatever plan is cached: the
 * rows read by `region_code = any(codes)` were then joined to the pairs by comparing each row with every
 * pair (a county's 21 townships: 2,000 month rows × 21), then sorted for the grouping sets. Text that never
 * changes: planned once per connection (PreparedRead).
 */
export const COUNTS_SQL = `
with scope as (select * from unnest(?::text[], ?::text[]) as s(region, code)),
counted as (
  select s.region, t.* from scope s cross join lateral (
    select month as month_start, kind, ${COUNTS} from dispute_rollup_month
     where region_code = s.code and month >= ?::date and month < ?::date
    union all
    select date_trunc('month', day::timestamp)::date, kind, ${COUNTS} from dispute_rollup_day
     where region_code = s.code and day >= ?::date and day < ?::date
    union all
    select date_trunc('month', day::timestamp)::date, kind, ${COUNTS} from dispute_rollup_day
     where region_code = s.code and day >= ?::date and day <= ?::date
    offset 0) t
)
select region, grouping(kind) = 0 as of_kind, grouping(month_start) = 0 as of_month,
       kind, to_char(month_start::timestamp, 'YYYY-MM') as month,
       sum(reported)::int as reported, sum(mediated)::int as mediated, sum(resolved)::int as resolved,
       sum(resolved_locally)::int as resolved_locally, sum(open_red)::int as open_red,
       sum(open_orange)::int as open_orange, sum(reopened)::int as reopened
  from counted
 group by grouping sets ((region), (region, kind), (region, month_start))
having sum(reported) > 0
 order by region, kind nulls first, month_start nulls first`;

interface CountsRow {
  region: string;
  of_kind: boolean;
  of_month: boolean;
  kind: DisputeStats['byKind'][number]['kind'] | null;
  month: string | null;
  reported: number;
  mediated: number;
  resolved: number;
  resolved_locally: number;
  open_red: number;
  open_orange: number;
  reopened: number;
}

/** The fields a second statement answers, over the disputes themselves (see DisputeStatsResolver). */
export type ResolutionField =
  | 'averageDaysToResolve'
  | 'p80DaysToResolve'
  | 'visited'
  | 'returnVisitCoverage'
  | 'satisfactionRate'
  | 'relapses';

/** The region and the days (YYYY-MM-DD, China time, inclusive) the statistics cover. */
export interface DisputeStatsScope {
  regionCode: string;
  /** The codes counted: the region's own, and under today's mapping the regions merged into it. */
  codes: string[];
  from: string;
  to: string;
}

/**
 * What `Region.disputeStats` resolves to: the counters from the rollup, the scope they cover, and — once one
 * of the resolution fields is asked for — the promise of the second statement, shared by all of them.
 */
export interface DisputeStatsRoot extends Omit<DisputeStats, ResolutionField> {
  scope: DisputeStatsScope;
  resolutions?: Promise<ResolutionFigures>;
}

export const ratio = (part: number, whole: number) => (whole ? part / whole : null);

const NONE: CountsRow = {
  region: '',
  of_kind: false,
  of_month: false,
  kind: null,
  month: null,
  reported: 0,
  mediated: 0,
  resolved: 0,
  resolved_locally: 0,
  open_red: 0,
  open_orange: 0,
  reopened: 0,
};

/** A region asked for, with the codes its figures sum over (kit regionScope). */
export interface DisputeStatsRegion {
  regionCode: string;
  codes: string[];
}

/**
 * The dispute counters of each region and everything below it, for disputes reported `from`–`to` (days),
 * each summed over its `codes` (the region and, mapped onto today's regions, those merged into it): one
 * statement for all of them.
 */
export async function disputeStats(
  ctx: SubgraphContext,
  regions: readonly DisputeStatsRegion[],
  from: string,
  to: string,
): Promise<DisputeStatsRoot[]> {
  const reads = rollupPeriod(from, to);
  const pairs = regions.flatMap(({ regionCode, codes }) => codes.map((code) => [regionCode, code]));
  const array = (values: string[]) => `{${values.join(',')}}`;
  const rows = await PreparedRead.of<CountsRow>(COUNTS_SQL).run(ctx.em, [
    array(pairs.map(([region]) => region)),
    array(pairs.map(([, code]) => code)),
    reads.monthsFrom,
    reads.monthsUntil,
    reads.from,
    reads.headUntil,
    reads.tailFrom,
    reads.to,
  ]);
  return regions.map(({ regionCode, codes }) =>
    toStats(
      rows.filter((row) => row.region === regionCode),
      { regionCode, codes, from, to },
    ),
  );
}

function toStats(rows: CountsRow[], scope: DisputeStatsScope): DisputeStatsRoot {
  const total = rows.find((row) => !row.of_kind && !row.of_month) ?? NONE;
  return {
    scope,
    reported: total.reported,
    mediated: total.mediated,
    resolved: total.resolved,
    resolutionRate: ratio(total.resolved, total.mediated),
    resolvedLocally: total.resolved_locally,
    localResolutionShare: ratio(total.resolved_locally, total.resolved),
    openRed: total.open_red,
    openOrange: total.open_orange,
    reopened: total.reopened,
    byKind: rows
      .filter((row) => row.of_kind)
      .map((row) => ({ kind: row.kind!, mediated: row.mediated, resolved: row.resolved })),
    byMonth: rows
      .filter((row) => row.of_month)
      .map((row) => ({ month: row.month!, mediated: row.mediated, resolved: row.resolved })),
  };
}
