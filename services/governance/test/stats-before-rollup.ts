import { regionCodePrefix } from '@county/domain';
import type { MikroORM } from '@mikro-orm/postgresql';

/*
 * The one statement `Region.disputeStats` ran before the rollups, straight over the disputes, kept here as
 * the reference the rollups and the resolution statement must agree with to the last digit; since joint
 * handling and relapses (migration 20261205040000) with their open, reopened and relapse counts.
 */
const DAY_START = `(?::date)::timestamp at time zone 'Asia/Shanghai'`;
/** Still open: in mediation, or in joint handling (referred there and not concluded, or convened). */
const OPEN = `(status in ('REGISTERED', 'MEDIATING', 'CONVENED') or status = 'REFERRED' and referral = 'JOINT_HANDLING')`;
const STATS_BEFORE_ROLLUP = `
with d as (
  select id, kind, status, risk_colour, resolution_level, organization_id, reported_at, resolved_at,
         referral, reopened_count,
         extract(epoch from resolved_at - reported_at) / 86400 as days
  from dispute
  where region_code like ? and reported_at >= ${DAY_START} and reported_at < ${DAY_START} + interval '1 day'
),
totals as (
  select count(*)::int as reported,
         count(*) filter (where organization_id is not null)::int as mediated,
         count(*) filter (where status = 'RESOLVED')::int as resolved,
         count(*) filter (where status = 'RESOLVED' and resolution_level in ('TOWNSHIP', 'VILLAGE'))::int as resolved_locally,
         avg(days) filter (where status = 'RESOLVED') as average_days,
         percentile_cont(0.8) within group (order by days) filter (where status = 'RESOLVED') as p80_days,
         count(*) filter (where ${OPEN} and risk_colour = 'RED')::int as open_red,
         count(*) filter (where ${OPEN} and risk_colour = 'ORANGE')::int as open_orange,
         count(*) filter (where reopened_count > 0)::int as reopened
  from d
),
visits as (
  select count(distinct v.dispute_id)::int as visited,
         count(*)::int as visits,
         count(*) filter (where v.satisfied)::int as satisfied
  from return_visit v join d on d.id = v.dispute_id and d.status = 'RESOLVED'
),
relapsed as (
  select count(distinct v.dispute_id)::int as relapses
  from return_visit v join d on d.id = v.dispute_id where v.relapsed
),
kinds as (
  select coalesce(json_agg(json_build_object('kind', kind, 'mediated', mediated, 'resolved', resolved) order by kind), '[]') as list
  from (select kind, count(*) filter (where organization_id is not null) as mediated,
               count(*) filter (where status = 'RESOLVED') as resolved
        from d group by kind) k
),
months as (
  select coalesce(json_agg(json_build_object('month', month, 'mediated', mediated, 'resolved', resolved) order by month), '[]') as list
  from (select to_char(reported_at at time zone 'Asia/Shanghai', 'YYYY-MM') as month,
               count(*) filter (where organization_id is not null) as mediated,
               count(*) filter (where status = 'RESOLVED') as resolved
        from d group by 1) m
)
select totals.*, visits.*, relapsed.*, kinds.list as by_kind, months.list as by_month
  from totals, visits, relapsed, kinds, months`;

const ratio = (part: number, whole: number) => (whole ? part / whole : null);
const days = (value: string | number | null) => (value === null ? null : Math.round(Number(value) * 10) / 10);
const json = (value: unknown) => (typeof value === 'string' ? JSON.parse(value) : value);

/** Every DisputeStats field of `code` for `from`–`to`, as the statement before the rollups answered it. */
export async function statsBeforeRollup(
  orm: MikroORM,
  code: string,
  from: string,
  to: string,
): Promise<Record<string, unknown>> {
  const [row] = await orm.em
    .fork()
    .getConnection()
    .execute<any[]>(STATS_BEFORE_ROLLUP, [`${regionCodePrefix(code)}%`, from, to]);
  return {
    reported: row.reported,
    mediated: row.mediated,
    resolved: row.resolved,
    resolutionRate: ratio(row.resolved, row.mediated),
    resolvedLocally: row.resolved_locally,
    localResolutionShare: ratio(row.resolved_locally, row.resolved),
    averageDaysToResolve: days(row.average_days),
    p80DaysToResolve: days(row.p80_days),
    openRed: row.open_red,
    openOrange: row.open_orange,
    reopened: row.reopened,
    visited: row.visited,
    returnVisitCoverage: ratio(row.visited, row.resolved),
    satisfactionRate: ratio(row.satisfied, row.visits),
    relapses: row.relapses,
    byKind: json(row.by_kind),
    byMonth: json(row.by_month),
  };
}
