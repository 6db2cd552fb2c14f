import { regionSubtreeCondition, type SubgraphContext } from '@county/kit';
import { DAY_START } from './dispute.query';
import { ratio, type DisputeStatsScope } from './dispute-stats';

/*
 * Days to resolution (mean, and the 80th percentile interpolated over fractional days) and the return visits
 * cannot be summed from day counters exactly, so they are counted over the resolved disputes themselves (the
 * index on region code and report time finds them) — only when one of those fields is asked for.
 */
const resolutionsSql = (region: (table: string) => string) => `
with resolved as (
  select id, extract(epoch from resolved_at - reported_at) / 86400 as days
  from dispute
  where ${region('dispute')} and reported_at >= ${DAY_START} and reported_at < ${DAY_START} + interval '1 day'
    and status = 'RESOLVED'
),
times as (
  select count(*)::int as resolved, avg(days) as average_days,
         percentile_cont(0.8) within group (order by days) as p80_days
  from resolved
),
visits as (
  select count(distinct v.dispute_id)::int as visited,
         count(*)::int as visits,
         count(*) filter (where v.satisfied)::int as satisfied
  from return_visit v join resolved on resolved.id = v.dispute_id
),
-- a relapse reopens its dispute, so relapses are counted over every dispute reported, resolved or not
relapsed as (
  select count(distinct v.dispute_id)::int as relapses
  from return_visit v join dispute d on d.id = v.dispute_id
  where v.relapsed and ${region('d')}
    and d.reported_at >= ${DAY_START} and d.reported_at < ${DAY_START} + interval '1 day'
)
select times.*, visits.*, relapsed.* from times, visits, relapsed`;

interface ResolutionsRow {
  resolved: number;
  average_days: string | number | null;
  p80_days: string | number | null;
  visited: number;
  visits: number;
  satisfied: number;
  relapses: number;
}

/** The resolved disputes' times and return visits, as the statistics show them. */
export interface ResolutionFigures {
  averageDaysToResolve: number | null;
  p80DaysToResolve: number | null;
  visited: number;
  returnVisitCoverage: number | null;
  satisfactionRate: number | null;
  relapses: number;
}

const days = (value: string | number | null) => (value === null ? null : Math.round(Number(value) * 10) / 10);

/** The times to resolution and return visits of the disputes reported in `scope`, resolved by now. */
export async function resolutionFigures(
  ctx: SubgraphContext,
  scope: DisputeStatsScope,
): Promise<ResolutionFigures> {
  const sql = resolutionsSql((table) => regionSubtreeCondition(`${table}.region_code`, scope.codes).sql);
  const prefix = regionSubtreeCondition('region_code', scope.codes).parameter;
  const [row] = await ctx.em
    .getConnection()
    .execute<ResolutionsRow[]>(sql, [prefix, scope.from, scope.to, prefix, scope.from, scope.to]);
  return {
    averageDaysToResolve: days(row.average_days),
    p80DaysToResolve: days(row.p80_days),
    visited: row.visited,
    // the coverage's two counts come from the same statement, so they agree even under concurrent writes
    returnVisitCoverage: ratio(row.visited, row.resolved),
    satisfactionRate: ratio(row.satisfied, row.visits),
    relapses: row.relapses,
  };
}
