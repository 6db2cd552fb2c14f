import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import {
  assertPerformAction,
  assertSignedIn,
  badInput,
  findForUpdate,
  parseInput,
  type SubgraphContext,
} from '@county/kit';
import { chinaDay, uuidRule } from '@county/domain';
import { permissions } from '../permissions';
import { SupervisionStatus, TaskStatus } from '../vocabulary';
import { ReformTask } from '../task/task.entity';
import { progressLoader } from '../task/task-state';
import { SupervisionOrder } from './supervision.entity';
import { AnswerSupervisionOrderInput, IssueSupervisionOrderInput } from './supervision.args';
import { answerOrderRule, issueOrderRule } from './supervision.rules';

async function orderInStatus(ctx: SubgraphContext, id: string, status: SupervisionStatus) {
  parseInput(uuidRule, id, 'id');
  const order = await findForUpdate(ctx, SupervisionOrder, 'id', id, 'id');
  if (order.status !== status)
    throw badInput('id', 'status', `the order is ${order.status}; this step needs it ${status}`);
  return order;
}

@Resolver(() => SupervisionOrder)
export class SupervisionOrderMutations {
  @Mutation(() => SupervisionOrder, { description: '下发督办单 — role reform-office, to a lagging task' })
  async issueSupervisionOrder(
    @Arg('input') input: IssueSupervisionOrderInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SupervisionOrder> {
    assertPerformAction(ctx, permissions, 'supervision.issue');
    const data = parseInput(issueOrderRule, input, 'input');
    const today = chinaDay();
    if (data.deadline <= today) throw badInput('input.deadline', 'future', `must be after today (${today})`);
    const task = await findForUpdate(ctx, ReformTask, 'id', data.taskId, 'input.taskId');
    const progress = await progressLoader(ctx, today).load(task.id);
    if (!progress.lagging || ![TaskStatus.NOT_STARTED, TaskStatus.IN_PROGRESS].includes(task.status))
      throw badInput(
        'input.taskId',
        'lagging',
        `the task is not lagging (expected ${progress.expected}%, actual ${progress.actual}%)`,
      );
    const order = ctx.em.create(SupervisionOrder, {
      id: crypto.randomUUID(),
      taskId: task.id,
      issuedOn: today,
      reason: data.reason,
      deadline: data.deadline,
      causeAnalysis: null,
      measures: null,
      status: SupervisionStatus.OPEN,
      rectifiedOn: null,
    });
    await ctx.em.flush();
    return order;
  }

  @Mutation(() => SupervisionOrder, {
    description: '督办反馈 — role department:<the task’s lead organisation>: cause analysis and measures',
  })
  async answerSupervisionOrder(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: AnswerSupervisionOrderInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SupervisionOrder> {
    assertSignedIn(ctx);
    const data = parseInput(answerOrderRule, input, 'input');
    const order = await orderInStatus(ctx, id, SupervisionStatus.OPEN);
    const task = await ctx.em.findOneOrFail(ReformTask, order.taskId);
    assertPerformAction(ctx, permissions, 'supervision.answer', task);
    Object.assign(order, data, { status: SupervisionStatus.ANSWERED });
    await ctx.em.flush();
    return order;
  }

  @Mutation(() => SupervisionOrder, {
    description: '整改销号 — role reform-office: accepts the rectification',
  })
  async rectifySupervisionOrder(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<SupervisionOrder> {
    assertPerformAction(ctx, permissions, 'supervision.rectify');
    const order = await orderInStatus(ctx, id, SupervisionStatus.ANSWERED);
    order.status = SupervisionStatus.RECTIFIED;
    order.rectifiedOn = chinaDay();
    await ctx.em.flush();
    return order;
  }
}
