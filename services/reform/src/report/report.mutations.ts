import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import {
  assertPerformAction,
  assertSignedIn,
  badInput,
  findForUpdate,
  parseInput,
  type SubgraphContext,
} from '@county/kit';
import { chinaDay } from '@county/domain';
import { permissions } from '../permissions';
import { ReportPeriodKind, TaskStatus } from '../vocabulary';
import { ReformTask } from '../task/task.entity';
import { Milestone } from '../milestone/milestone.entity';
import { ProgressReport } from './report.entity';
import { SubmitProgressReportInput } from './report.args';
import { submitReportRule } from './report.rules';
import { parsePeriod } from './period';

/** The status a report moves its task to: started by any progress, completed at 100%. */
function statusAfter(status: TaskStatus, percent: number): TaskStatus {
  if (percent === 100) return TaskStatus.COMPLETED;
  if (percent > 0 && status === TaskStatus.NOT_STARTED) return TaskStatus.IN_PROGRESS;
  return status;
}

@Resolver(() => ProgressReport)
export class ProgressReportMutations {
  @Mutation(() => ProgressReport, {
    description: '报送进展 — role department:<the task’s lead organisation>, for its own tasks only',
  })
  async submitProgressReport(
    @Arg('input') input: SubmitProgressReportInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ProgressReport> {
    assertSignedIn(ctx);
    const data = parseInput(submitReportRule, input, 'input');
    const task = await findForUpdate(ctx, ReformTask, 'id', data.taskId, 'input.taskId');
    assertPerformAction(ctx, permissions, 'report.submit', task);
    if (task.status === TaskStatus.CLOSED)
      throw badInput('input.taskId', 'closed', 'the task is closed (销号): it takes no more reports');
    if (await ctx.em.count(ReformTask, { parentId: task.id }))
      throw badInput(
        'input.taskId',
        'plan',
        'a plan’s progress is rolled up from its tasks: report on those',
      );

    const period = parsePeriod(data.period)!;
    const today = chinaDay();
    if (period.start > today)
      throw badInput('input.period', 'future', `${data.period} has not begun yet (today is ${today})`);
    if (period.kind === ReportPeriodKind.QUARTERLY && !(task.keyTask && task.leaderId))
      throw badInput(
        'input.period',
        'quarterly-key-task',
        'quarterly reports are for key tasks linked to a county leader',
      );
    if (await ctx.em.count(ProgressReport, { taskId: task.id, period: data.period }))
      throw badInput('input.period', 'unique', `the task already has a report for ${data.period}`);

    const previous = await ctx.em.findOne(
      ProgressReport,
      { taskId: task.id, periodEnd: { $lte: period.end } },
      { orderBy: { periodEnd: 'desc', submittedAt: 'desc' } },
    );
    if (previous && data.percent < previous.percent && !data.regressionReason)
      throw badInput(
        'input.percent',
        'regression-reason',
        `is below the ${previous.percent}% of ${previous.period}: give a regressionReason`,
      );

    const milestoneIds = [...new Set(data.completedMilestoneIds)];
    const milestones = milestoneIds.length
      ? await ctx.em.find(Milestone, { id: { $in: milestoneIds }, taskId: task.id, removedOn: null })
      : [];
    const unknown = milestoneIds.find((id) => !milestones.some((m) => m.id === id));
    if (unknown)
      throw badInput('input.completedMilestoneIds', 'exists', `${unknown} is not a milestone of this task`);

    const report = ctx.em.create(ProgressReport, {
      id: crypto.randomUUID(),
      taskId: task.id,
      period: data.period,
      periodKind: period.kind,
      periodEnd: period.end,
      dueDate: period.due,
      percent: data.percent,
      done: data.done,
      problems: data.problems,
      nextSteps: data.nextSteps,
      regressionReason: data.regressionReason ?? null,
      reporter: ctx.identity.name ?? ctx.identity.subject ?? '',
      submittedAt: new Date(),
    });
    for (const milestone of milestones) milestone.completedOn ??= today;
    task.status = statusAfter(task.status, data.percent);
    // one transaction: the report, its milestones and the task's status (version-checked) or nothing
    await ctx.em.flush();
    return report;
  }
}
