import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import {
  ConnectionType,
  DateScalar,
  entityGroupLoader,
  entityLoader,
  pageRows,
  parseInput,
  type Page,
  type RowFilter,
  type SubgraphContext,
} from '@county/kit';
import { dateOrIsoRule, uuidRule } from '@county/domain';
import { requestToday } from '../dates';
import { organizationRef, personRef, regionRef, OrganizationRef, PersonRef, RegionRef } from '../directory';
import { SpecialGroup } from '../special-group/special-group.entity';
import { WorkPoint } from '../work-point/work-point.entity';
import { Milestone } from '../milestone/milestone.entity';
import { ProgressReport } from '../report/report.entity';
import { SupervisionOrder } from '../supervision/supervision.entity';
import { ReformTask } from './task.entity';
import { ReformTasksArgs } from './task.args';
import { tasksArgsRule } from './task.rules';
import { progressLoader, stateCall, TaskProgress } from './task-state';
import { pageMostBehind, ReformTaskOrder } from './task-order';
import { taskConditions, type TaskFilterArgs } from './task-filters';

export const ReformTaskConnection = ConnectionType(ReformTask, '改革任务列表 — a page of reform tasks');

/** The task list's filters, as one condition on the alias `t`. */
function taskFilter(args: TaskFilterArgs, asOf: string): RowFilter {
  const { conditions, params } = taskConditions(args);
  if (args.lagging !== undefined && args.lagging !== null) {
    const call = stateCall(asOf, { year: args.year ?? undefined });
    conditions.push(`t.id in (select task_id from ${call.sql} where lagging = ?)`);
    params.push(...call.params, args.lagging);
  }
  return { sql: conditions.join(' and '), params };
}

/** A page of tasks: the top-level list's and a region's (`Region.reformTasks`). */
export function pageReformTasks(ctx: SubgraphContext, args: ReformTasksArgs): Promise<Page<ReformTask>> {
  parseInput(tasksArgsRule, args, '');
  const today = requestToday(ctx);
  if (args.orderBy === ReformTaskOrder.MOST_BEHIND) return pageMostBehind(ctx, args, today);
  return pageRows(ctx, ReformTask, 't', taskFilter(args, today), args, 'code', 'id');
}

@Resolver(() => ReformTask)
export class ReformTaskResolver {
  @Query(() => ReformTask, { nullable: true, description: '改革任务 — one task by id; null when unknown' })
  reformTask(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<ReformTask | null> {
    parseInput(uuidRule, id, 'id');
    return entityLoader(ctx, ReformTask, 'id').load(id);
  }

  @Query(() => ReformTaskConnection, {
    description:
      '改革任务列表 — tasks by year, special group, status, lagging, lead or cooperating organisation, leader, region (including below), key flag, plan, title',
  })
  reformTasks(@Args() args: ReformTasksArgs, @Ctx() ctx: SubgraphContext): Promise<Page<ReformTask>> {
    return pageReformTasks(ctx, args);
  }

  @FieldResolver(() => OrganizationRef, { description: '牵头单位 — the lead organisation' })
  leadOrganization(@Root() task: ReformTask): OrganizationRef {
    return organizationRef(task.leadOrganizationId);
  }

  @FieldResolver(() => [OrganizationRef], { description: '配合单位 — the cooperating organisations' })
  cooperatingOrganizations(@Root() task: ReformTask): OrganizationRef[] {
    return task.cooperatingOrganizationIds.map(organizationRef);
  }

  @FieldResolver(() => PersonRef, {
    nullable: true,
    description: '挂钩县领导 — the county leader linked to it',
  })
  leader(@Root() task: ReformTask): PersonRef | null {
    return personRef(task.leaderId);
  }

  @FieldResolver(() => RegionRef, { description: '区划 — where it is carried out' })
  region(@Root() task: ReformTask): RegionRef {
    return regionRef(task.regionCode);
  }

  @FieldResolver(() => SpecialGroup, { description: '专项小组 — its special group' })
  specialGroup(@Root() task: ReformTask, @Ctx() ctx: SubgraphContext): Promise<SpecialGroup | null> {
    return entityLoader(ctx, SpecialGroup, 'id').load(task.specialGroupId);
  }

  @FieldResolver(() => WorkPoint, { nullable: true, description: '工作要点 — the work point it serves' })
  workPoint(@Root() task: ReformTask, @Ctx() ctx: SubgraphContext): Promise<WorkPoint | null> | null {
    return task.workPointId ? entityLoader(ctx, WorkPoint, 'id').load(task.workPointId) : null;
  }

  @FieldResolver(() => ReformTask, { nullable: true, description: '所属方案 — the plan it belongs to' })
  parent(@Root() task: ReformTask, @Ctx() ctx: SubgraphContext): Promise<ReformTask | null> | null {
    return task.parentId ? entityLoader(ctx, ReformTask, 'id').load(task.parentId) : null;
  }

  @FieldResolver(() => [ReformTask], { description: '具体任务 — the tasks of this plan' })
  children(@Root() task: ReformTask, @Ctx() ctx: SubgraphContext): Promise<ReformTask[]> {
    return entityGroupLoader(ctx, ReformTask, 'parentId', { code: 'asc' }).load(task.id);
  }

  @FieldResolver(() => [Milestone], { description: '序时进度 — its schedule of milestones' })
  async milestones(@Root() task: ReformTask, @Ctx() ctx: SubgraphContext): Promise<Milestone[]> {
    const all = await entityGroupLoader(ctx, Milestone, 'taskId', { plannedDate: 'asc', id: 'asc' }).load(
      task.id,
    );
    // those taken off the schedule stay on record (and in the audit trail), not on the schedule
    return all.filter((milestone) => !milestone.removedOn);
  }

  @FieldResolver(() => [ProgressReport], {
    description: '进展报送 — its progress reports, oldest first (at most 16 a year: monthly and quarterly)',
  })
  progressReports(@Root() task: ReformTask, @Ctx() ctx: SubgraphContext): Promise<ProgressReport[]> {
    return entityGroupLoader(ctx, ProgressReport, 'taskId', { periodEnd: 'asc', period: 'asc' }).load(
      task.id,
    );
  }

  @FieldResolver(() => [SupervisionOrder], { description: '督办单 — supervision orders issued to it' })
  supervisionOrders(@Root() task: ReformTask, @Ctx() ctx: SubgraphContext): Promise<SupervisionOrder[]> {
    return entityGroupLoader(ctx, SupervisionOrder, 'taskId', { issuedOn: 'asc', id: 'asc' }).load(task.id);
  }

  @FieldResolver(() => TaskProgress, {
    description: '进度 — expected vs actual progress and lagging, on a date (default today, China time)',
  })
  progress(
    @Root() task: ReformTask,
    @Ctx() ctx: SubgraphContext,
    @Arg('on', () => DateScalar, { nullable: true }) on?: Date,
  ): Promise<TaskProgress> {
    const asOf = on ? parseInput(dateOrIsoRule, on, 'on') : requestToday(ctx);
    return progressLoader(ctx, asOf).load(task.id);
  }
}
