import type { GraphQLResolveInfo } from 'graphql';
import { Arg, Ctx, FieldResolver, Info, Int, Resolver, Root } from 'type-graphql';
import { regionCodePrefix, RegionMapping } from '@county/domain';
import { DateScalar, parseInput, selects, type SubgraphContext } from '@county/kit';
import { dateOrIsoRule, yearRule } from '@county/domain';
import { requestToday } from '../dates';
import { TaskStatus } from '../vocabulary';
import { RegionRef, organizationRef } from '../directory';
import type { SpecialGroup } from '../special-group/special-group.entity';
import {
  ReformGroupStats,
  ReformOrganizationStats,
  ReformStats,
  type ReformTaskCounts,
} from '../stats/reform-stats.types';
import { reformStatsLoader, type StatsRow } from '../stats/reform-stats.sql';
import { round1 } from '../task/task-state';

function counts(row: StatsRow | undefined): ReformTaskCounts {
  const total = Number(row?.total ?? 0);
  return {
    total,
    completed: Number(row?.completed ?? 0) + Number(row?.closed ?? 0),
    lagging: Number(row?.lagging ?? 0),
    expectedProgress: round1(row?.expected ?? 0),
    actualProgress: round1(row?.actual ?? 0),
  };
}

/** The special group of a level-1 row, as the entity loader would read it. */
const specialGroup = (row: StatsRow): SpecialGroup => ({
  id: row.special_group_id!,
  key: row.group_key!,
  name: row.group_name!,
  position: row.group_position!,
  leaderId: row.group_leader_id,
  memberOrganizationIds: row.group_member_organization_ids ?? [],
});

function toStats(rows: StatsRow[], year: number, asOf: string): ReformStats {
  const totals = rows.find((row) => row.level === 3);
  const base = counts(totals);
  const bySpecialGroup: ReformGroupStats[] = rows
    .filter((row) => row.level === 1 && row.special_group_id && row.group_key !== null)
    .map((row) => ({ ...counts(row), specialGroup: specialGroup(row) }))
    .sort((a, b) => a.specialGroup.position - b.specialGroup.position);
  const byLeadOrganization: ReformOrganizationStats[] = rows
    .filter((row) => row.level === 2 && row.lead_organization_id)
    .map((row) => ({ ...counts(row), organization: organizationRef(row.lead_organization_id!) }))
    .sort((a, b) => b.total - a.total || a.organization.id.localeCompare(b.organization.id));
  return {
    ...base,
    year,
    asOf,
    byStatus: [
      { status: TaskStatus.NOT_STARTED, count: Number(totals?.not_started ?? 0) },
      { status: TaskStatus.IN_PROGRESS, count: Number(totals?.in_progress ?? 0) },
      { status: TaskStatus.COMPLETED, count: Number(totals?.completed ?? 0) },
      { status: TaskStatus.CLOSED, count: Number(totals?.closed ?? 0) },
    ],
    completionRate: base.total ? round1((100 * base.completed) / base.total) : 0,
    openSupervisionOrders: Number(totals?.open_orders ?? 0),
    overdueSupervisionOrders: Number(totals?.overdue_orders ?? 0),
    bySpecialGroup,
    byLeadOrganization,
  };
}

@Resolver(() => RegionRef)
export class RegionResolver {
  @FieldResolver(() => ReformStats, {
    // nullable: when this subgraph is down, the rest of the region (and the other domains) still answers
    nullable: true,
    description:
      '改革统计 — the year’s reform tasks here and below: by status, completion rate, lagging, supervision orders, expected vs actual progress, by special group and lead organisation',
  })
  async reformStats(
    @Root() region: RegionRef,
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: SubgraphContext,
    @Info() info: GraphQLResolveInfo,
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Measured on this date (default today)' })
    asOf?: Date,
    @Arg('regions', () => RegionMapping, {
      nullable: true,
      defaultValue: RegionMapping.TODAY,
      description: '区划口径 — counted in today’s regions (merged ones included) or as recorded',
    })
    mapping?: RegionMapping | null,
  ): Promise<ReformStats> {
    parseInput(yearRule, year, 'year');
    const on = asOf ? parseInput(dateOrIsoRule, asOf, 'asOf') : requestToday(ctx);
    const prefix = regionCodePrefix(region.code);
    if (!prefix) return toStats([], year, on);
    // the rows per lead organisation only when asked for (the cockpit does not)
    const byOrganization = selects(info, 'byLeadOrganization');
    // every region of one query level in one statement, special groups included
    const loader = reformStatsLoader(ctx, year, on, byOrganization, mapping ?? RegionMapping.TODAY);
    return toStats(await loader.load(region.code), year, on);
  }
}
