import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import {
  assertCurrentVersion,
  assertPerformAction,
  badInput,
  findForUpdate,
  parseInput,
  presentFields,
  requireExisting,
  type SubgraphContext,
} from '@county/kit';
import { uuidRule } from '@county/domain';
import { permissions } from '../permissions';
import { requestToday } from '../dates';
import { SupervisionStatus, TaskStatus } from '../vocabulary';
import { SpecialGroup } from '../special-group/special-group.entity';
import { WorkPoint } from '../work-point/work-point.entity';
import { Milestone } from '../milestone/milestone.entity';
import { SupervisionOrder } from '../supervision/supervision.entity';
import { ReformTask } from './task.entity';
import { CreateReformTaskInput, MilestoneInput, UpdateReformTaskInput } from './task.args';
import { createTaskRule, milestonesRule, updateTaskRule } from './task.rules';
import { newReformTask } from './new-task';

/**
 * Ids of the directory (people subgraph) are checked by asking it, before anything is written: the directory
 * owns them, and a check at the gateway could not stop this subgraph from storing a key to nothing.
 */
async function requireDirectoryRecords(
  ctx: SubgraphContext,
  input: {
    leadOrganizationId?: string | null;
    cooperatingOrganizationIds?: string[] | null;
    leaderId?: string | null;
    regionCode?: string | null;
  },
): Promise<void> {
  const { directory } = ctx;
  if (input.leadOrganizationId)
    await directory.requireExisting('input.leadOrganizationId', 'Organization', [input.leadOrganizationId]);
  if (input.cooperatingOrganizationIds?.length)
    await directory.requireExisting(
      'input.cooperatingOrganizationIds',
      'Organization',
      input.cooperatingOrganizationIds,
    );
  if (input.leaderId) await directory.requireExisting('input.leaderId', 'Person', [input.leaderId]);
  if (input.regionCode) await directory.requireExisting('input.regionCode', 'Region', [input.regionCode]);
}

/** The task a write changes, as the version the client read; a newer one refuses the write. */
export async function taskAtVersion(
  ctx: SubgraphContext,
  id: string,
  version: number,
  field = 'input.version',
): Promise<ReformTask> {
  parseInput(uuidRule, id, 'id');
  const task = await findForUpdate(ctx, ReformTask, 'id', id, 'id');
  assertCurrentVersion(task.version, version, field);
  return task;
}

@Resolver(() => ReformTask)
export class ReformTaskMutations {
  @Mutation(() => ReformTask, { description: '新建改革任务 — role reform-office' })
  async createReformTask(
    @Arg('input') input: CreateReformTaskInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ReformTask> {
    assertPerformAction(ctx, permissions, 'task.write');
    const data = parseInput(createTaskRule, input, 'input');
    await requireExisting(ctx, SpecialGroup, 'id', data.specialGroupId, 'input.specialGroupId');
    if (data.workPointId) {
      const point = await requireExisting(ctx, WorkPoint, 'id', data.workPointId, 'input.workPointId');
      if (point.year !== data.year)
        throw badInput(
          'input.workPointId',
          'same-year',
          `is a work point of ${point.year}, not ${data.year}`,
        );
    }
    if (data.parentId) {
      const parent = await requireExisting(ctx, ReformTask, 'id', data.parentId, 'input.parentId');
      if (parent.parentId)
        throw badInput('input.parentId', 'depth', 'is itself a task of a plan: plans are one level deep');
      if (parent.year !== data.year)
        throw badInput('input.parentId', 'same-year', `is a plan of ${parent.year}, not ${data.year}`);
    }
    if (await ctx.em.count(ReformTask, { code: data.code }))
      throw badInput('input.code', 'unique', `task ${data.code} already exists`);
    await requireDirectoryRecords(ctx, data);
    const task = ctx.em.create(ReformTask, newReformTask(data));
    await ctx.em.flush();
    return task;
  }

  @Mutation(() => ReformTask, {
    description: '修改改革任务 — role reform-office; send the `version` you read (CONFLICT when it is stale)',
  })
  async updateReformTask(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateReformTaskInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ReformTask> {
    assertPerformAction(ctx, permissions, 'task.write');
    const { version, ...changes } = parseInput(updateTaskRule, input, 'input');
    const task = await taskAtVersion(ctx, id, version);
    const next = { ...task, ...presentFields(changes) };
    if (next.plannedEnd < next.plannedStart)
      throw badInput('input.plannedEnd', 'order', 'must not be before plannedStart');
    if (next.cooperatingOrganizationIds.includes(next.leadOrganizationId))
      throw badInput(
        'input.cooperatingOrganizationIds',
        'distinct',
        'the lead organisation cannot also cooperate',
      );
    if (task.status === TaskStatus.CLOSED)
      throw badInput('id', 'closed', 'the task is closed (销号): it can no longer change');
    if (changes.specialGroupId)
      await requireExisting(ctx, SpecialGroup, 'id', changes.specialGroupId, 'input.specialGroupId');
    await requireDirectoryRecords(ctx, changes);
    Object.assign(task, presentFields(changes));
    await ctx.em.flush();
    return task;
  }

  @Mutation(() => ReformTask, {
    description:
      '设置序时进度 — role reform-office: the task’s schedule as it is to be; milestones sent with their `id` are kept (and changed), new ones added, those left out removed, each change audited; shares total at most 100%; send the task’s `version`',
  })
  async setReformTaskMilestones(
    @Arg('taskId', () => ID) taskId: string,
    @Arg('version', () => Int) version: number,
    @Arg('milestones', () => [MilestoneInput]) milestones: MilestoneInput[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<ReformTask> {
    assertPerformAction(ctx, permissions, 'task.write');
    const schedule = parseInput(milestonesRule, milestones, 'milestones');
    const task = await taskAtVersion(ctx, taskId, version, 'version');
    if (task.status === TaskStatus.CLOSED)
      throw badInput('taskId', 'closed', 'the task is closed (销号): its schedule can no longer change');
    const current = await ctx.em.find(Milestone, { taskId, removedOn: null });
    const byId = new Map(current.map((milestone) => [milestone.id, milestone]));
    const unknown = schedule.findIndex((m) => m.id && !byId.has(m.id));
    if (unknown >= 0) throw badInput(`milestones.${unknown}.id`, 'exists', 'is not a milestone of this task');
    // each change is its own audited write (the kit audits entity writes, not bulk deletes); removing a
    // milestone is how a lagging task stops lagging, so a removed one stays on record with its day
    const kept = new Set<string>();
    for (const { id, ...fields } of schedule) {
      const values = { ...fields, completedOn: fields.completedOn ?? null };
      if (id) {
        kept.add(id);
        Object.assign(byId.get(id)!, values);
      } else ctx.em.create(Milestone, { id: crypto.randomUUID(), taskId, ...values });
    }
    const today = requestToday(ctx);
    for (const milestone of current) if (!kept.has(milestone.id)) milestone.removedOn = today;
    // a new schedule is a change of the task: its version moves on
    task.updatedAt = new Date();
    await ctx.em.flush();
    return task;
  }

  @Mutation(() => ReformTask, {
    description:
      '销号 — role reform-office: closes a completed task once every milestone is done and no supervision order is open',
  })
  async closeReformTask(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ReformTask> {
    assertPerformAction(ctx, permissions, 'task.write');
    const task = await taskAtVersion(ctx, id, version, 'version');
    if (task.status !== TaskStatus.COMPLETED)
      throw badInput('id', 'completed', `the task is ${task.status}: only a COMPLETED task can be closed`);
    const unfinished = await ctx.em.count(Milestone, { taskId: id, completedOn: null, removedOn: null });
    if (unfinished) throw badInput('id', 'milestones-done', `${unfinished} milestone(s) are not done yet`);
    const open = await ctx.em.count(SupervisionOrder, {
      taskId: id,
      status: { $ne: SupervisionStatus.RECTIFIED },
    });
    if (open)
      throw badInput('id', 'supervision-rectified', `${open} supervision order(s) are not rectified yet`);
    task.status = TaskStatus.CLOSED;
    await ctx.em.flush();
    return task;
  }
}
