import { PreparedRead, regionScope, type SubgraphContext } from '@county/kit';
import { regionCodePrefix, RegionMapping } from '@county/domain';
import { TaskStatus } from '../vocabulary';
import { stateCall } from '../task/task-state';

export interface StatsRow {
  /** The region's code (the loader's key). */
  region: string;
  special_group_id: string | null;
  lead_organization_id: string | null;
  /** 3: the region's totals; 1: one special group; 2: one lead organisation (SQL `grouping()`). */
  level: number;
  total: string;
  not_started: string;
  in_progress: string;
  completed: string;
  closed: string;
  lagging: string;
  expected: number | null;
  actual: number | null;
  open_orders: string | null;
  overdue_orders: string | null;
  /** The special group of a level-1 row (null on the others), read in the same statement. */
  group_key: string | null;
  group_name: string | null;
  group_position: number | null;
  group_leader_id: string | null;
  group_member_organization_ids: string[] | null;
}

/**
 * The state of the scope's tasks only (an empty array: none): without ids the function measures every task
 * of the year in the database, which at the bench's province (45 counties of tasks) was 80 ms a refresh.
 */
const SCOPED_STATE_SQL = `reform_task_state(?::date, ?::float8, ?::int,
  (select coalesce(array_agg(id), '{}'::uuid[]) from scoped))`;

/**
 * One statement for the reform statistics of many regions (each with the LIKE patterns of its scope: the
 * region and everything below it and, in today's regions, the regions merged into it): totals, a row per
 * special group (with the group itself) and, when asked for, a row per lead organisation, as grouping sets.
 * Progress means are over the tasks not under a plan of the same region (a plan already rolls its tasks
 * up). Prepared once per connection: it costs more to plan than to run.
 */
export const statsSql = (byLeadOrganization: boolean) =>
  `with scope as (select region, patterns from json_to_recordset(?::json) as r(region text, patterns text[])),
     scoped as (
       select distinct t.id from scope join reform_task t on t.year = ? and t.region_code like any (scope.patterns)
     ),
     state as (select * from ${SCOPED_STATE_SQL}),
     orders as (
       select task_id,
         count(*) filter (where status <> 'RECTIFIED') as open_orders,
         count(*) filter (where status <> 'RECTIFIED' and deadline < ?::date) as overdue_orders
       from supervision_order group by task_id
     ),
     tasks as (
       select scope.region, t.status, t.special_group_id, t.lead_organization_id,
         s.expected, s.actual, s.lagging, o.open_orders, o.overdue_orders,
         not exists (
           select 1 from reform_task p
           where p.id = t.parent_id and p.region_code like any (scope.patterns)
         ) as top_level
       from scope
       join reform_task t on t.year = ? and t.region_code like any (scope.patterns)
       join state s on s.task_id = t.id
       left join orders o on o.task_id = t.id
     ),
     grouped as (
       select region, special_group_id,
         ${byLeadOrganization ? 'lead_organization_id' : 'null::uuid as lead_organization_id'},
         ${byLeadOrganization ? 'grouping(special_group_id, lead_organization_id)' : 'grouping(special_group_id) * 2 + 1'} as level,
         count(*) as total,
         count(*) filter (where status = '${TaskStatus.NOT_STARTED}') as not_started,
         count(*) filter (where status = '${TaskStatus.IN_PROGRESS}') as in_progress,
         count(*) filter (where status = '${TaskStatus.COMPLETED}') as completed,
         count(*) filter (where status = '${TaskStatus.CLOSED}') as closed,
         count(*) filter (where lagging) as lagging,
         avg(expected) filter (where top_level) as expected,
         avg(actual) filter (where top_level) as actual,
         sum(open_orders) as open_orders,
         sum(overdue_orders) as overdue_orders
       from tasks
       group by grouping sets ((region), (region, special_group_id)${byLeadOrganization ? ', (region, lead_organization_id)' : ''})
     )
     select r.*, g.key as group_key, g.name as group_name, g.position as group_position,
       g.leader_id as group_leader_id, g.member_organization_ids as group_member_organization_ids
     from grouped r left join special_group g on r.level = 1 and g.id = r.special_group_id`;

const STATS = {
  withOrganizations: new PreparedRead<StatsRow>(statsSql(true)),
  groupsOnly: new PreparedRead<StatsRow>(statsSql(false)),
};

/**
 * Each region with the LIKE patterns of its scope (kit `regionScope`): its own subtree and, mapped onto
 * today's regions, the subtrees of the regions merged into it. A row matches a region once whatever the
 * number of patterns (`like any`), so nothing counts twice.
 */
export function scopePatterns(
  ctx: SubgraphContext,
  codes: readonly string[],
  mapping: RegionMapping,
): string {
  return JSON.stringify(
    codes.map((region) => ({
      region,
      patterns: regionScope(ctx, region, mapping).map((code) => `${regionCodePrefix(code) ?? code}%`),
    })),
  );
}

export async function queryReformStats(
  ctx: SubgraphContext,
  codes: readonly string[],
  year: number,
  asOf: string,
  byLeadOrganization = true,
  mapping = RegionMapping.TODAY,
): Promise<StatsRow[]> {
  // the function's date, tolerance and year; its ids are the scope's tasks (SCOPED_STATE_SQL)
  const state = stateCall(asOf, { year }).params.slice(0, 3);
  const statement = byLeadOrganization ? STATS.withOrganizations : STATS.groupsOnly;
  return statement.run(ctx.em, [scopePatterns(ctx, codes, mapping), year, ...state, asOf, year]);
}

/**
 * `reformStats` of every region of one query level, one statement; the mapping is part of the loader's
 * name, so regions asked in both mappings make one statement each.
 */
export function reformStatsLoader(
  ctx: SubgraphContext,
  year: number,
  asOf: string,
  byLeadOrganization: boolean,
  mapping: RegionMapping,
) {
  return ctx.loaders.get<string, StatsRow[]>(
    `Region.reformStats.${year}.${asOf}.${byLeadOrganization}.${mapping}`,
    async (codes) => {
      const rows = await queryReformStats(ctx, codes, year, asOf, byLeadOrganization, mapping);
      return codes.map((code) => rows.filter((row) => row.region === code));
    },
  );
}
