import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { regionCodePrefix } from '@county/domain';
import { DateScalar, entityLoader, parseInput, type SubgraphContext } from '@county/kit';
import { dateRule, yearRule } from '../field-rules';
import { todayInChina } from '../dates';
import { TaskStatus } from '../vocabulary';
import { RegionRef, organizationRef } from '../directory/directory.types';
import { SpecialGroup } from '../special-group/special-group.entity';
import {
  ReformGroupStats,
  ReformOrganizationStats,
  ReformStats,
  type ReformTaskCounts,
} from './reform-stats.types';
import { queryReformStats, type StatsRow } from './reform-stats.sql';
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

function toStats(
  rows: StatsRow[],
  year: number,
  asOf: string,
  groups: Map<string, SpecialGroup>,
): ReformStats {
  const totals = rows.find((row) => row.level === 3);
  const base = counts(totals);
  const bySpecialGroup: ReformGroupStats[] = rows
    .filter((row) => row.level === 1 && row.special_group_id)
    .map((row) => ({ ...counts(row), specialGroup: groups.get(row.special_group_id!)! }))
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
export class RegionStatsResolver {
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
    @Arg('asOf', () => DateScalar, { nullable: true, description: 'Measured on this date (default today)' })
    asOf?: Date,
  ): Promise<ReformStats> {
    parseInput(yearRule, year, 'year');
    const on = asOf ? parseInput(dateRule, asOf, 'asOf') : todayInChina();
    const prefix = regionCodePrefix(region.code);
    if (!prefix) return toStats([], year, on, new Map());
    // every region of one query level in one statement
    const loader = ctx.loaders.get<string, StatsRow[]>(
      `Region.reformStats.${year}.${on}`,
      async (prefixes) => {
        const rows = await queryReformStats(ctx, prefixes, year, on);
        return prefixes.map((p) => rows.filter((row) => row.prefix === p));
      },
    );
    const rows = await loader.load(prefix);
    const groupIds = [...new Set(rows.map((row) => row.special_group_id).filter((id): id is string => !!id))];
    const groups = await entityLoader(ctx, SpecialGroup, 'id').loadMany(groupIds);
    const byId = new Map(
      groups.filter((g): g is SpecialGroup => !!g && !(g instanceof Error)).map((g) => [g.id, g]),
    );
    return toStats(rows, year, on, byId);
  }
}
