import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import {
  assertCurrentVersion,
  assertPerformAction,
  badInput,
  findForUpdate,
  parseInput,
  type SubgraphContext,
} from '@county/kit';
import { uuidRule } from '@county/domain';
import { permissions } from '../permissions';
import { requestToday } from '../dates';
import { DispatchEntry, DispatchRound } from './dispatch.entity';
import { DispatchRoundStatus } from './dispatch.vocabulary';
import { OpenDispatchRoundInput, RecordDispatchEntryInput } from './dispatch.args';
import { closeRoundRule, entryRule, openRoundRule } from './dispatch.rules';
import { requireTasks } from './task-references';

/** A closed round is the month's record as summarised: nothing in it changes afterwards. */
function assertOpen(round: DispatchRound, field: string) {
  if (round.status === DispatchRoundStatus.CLOSED)
    throw badInput(
      field,
      'closed',
      `the dispatch round of ${round.month} was closed on ${round.closedOn}: it is read-only`,
    );
}

/** The province's list rarely changes month to month: a round without a list takes the previous round's. */
async function previousTaskIds(ctx: SubgraphContext, regionCode: string, month: string): Promise<string[]> {
  const rows = await ctx.em.execute<{ task_id: string }[]>(
    `select e.task_id from dispatch_entry e
      where e.round_id = (select id from dispatch_round where region_code = ? and month < ? order by month desc limit 1)`,
    [regionCode, month],
  );
  return rows.map((row) => row.task_id);
}

@Resolver(() => DispatchRound)
export class DispatchRoundMutations {
  @Mutation(() => DispatchRound, {
    description:
      '开启月调度 — role reform-office: a round for one month listing the key tasks it dispatches (each not yet reported)',
  })
  async openDispatchRound(
    @Arg('input') input: OpenDispatchRoundInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DispatchRound> {
    assertPerformAction(ctx, permissions, 'dispatch.write');
    const data = parseInput(openRoundRule, input, 'input');
    const year = Number(data.month.slice(0, 4));
    if (await ctx.em.count(DispatchRound, { regionCode: data.regionCode, month: data.month }))
      throw badInput('input.month', 'unique', `the region already has a dispatch round for ${data.month}`);
    await ctx.directory.requireExisting('input.regionCode', 'Region', [data.regionCode]);
    const taskIds = data.taskIds ?? (await previousTaskIds(ctx, data.regionCode, data.month));
    if (!taskIds.length)
      throw badInput('input.taskIds', 'required', 'no earlier round to take the tasks from: list them');
    const tasks = await requireTasks(ctx, taskIds, 'input.taskIds');
    const other = tasks.find((task) => task.year !== year);
    if (other)
      throw badInput(
        `input.taskIds.${taskIds.indexOf(other.id)}`,
        'year',
        `task ${other.code} is of ${other.year}; the round dispatches ${year}’s tasks`,
      );
    const round = ctx.em.create(DispatchRound, {
      id: crypto.randomUUID(),
      month: data.month,
      year,
      regionCode: data.regionCode,
      status: DispatchRoundStatus.OPEN,
      summary: null,
      closedOn: null,
    });
    for (const task of tasks)
      ctx.em.create(DispatchEntry, {
        id: crypto.randomUUID(),
        roundId: round.id,
        taskId: task.id,
        reported: null,
        reportedOn: null,
        problemsRaised: null,
        decisions: null,
      });
    await ctx.em.flush();
    return round;
  }

  @Mutation(() => DispatchEntry, {
    description:
      '登记调度情况 — role reform-office: what one task reported, the problems raised and what was decided; send its `version`',
  })
  async recordDispatchEntry(
    @Arg('id', () => ID, { description: 'The entry (DispatchEntry.id)' }) id: string,
    @Arg('input') input: RecordDispatchEntryInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DispatchEntry> {
    assertPerformAction(ctx, permissions, 'dispatch.write');
    parseInput(uuidRule, id, 'id');
    const data = parseInput(entryRule, input, 'input');
    const today = requestToday(ctx);
    if (data.reportedOn > today)
      throw badInput('input.reportedOn', 'not-future', `must not be after today (${today})`);
    const entry = await findForUpdate(ctx, DispatchEntry, 'id', id, 'id');
    assertOpen(await ctx.em.findOneOrFail(DispatchRound, entry.roundId), 'id');
    assertCurrentVersion(entry.version, data.version, 'input.version');
    Object.assign(entry, {
      reported: data.reported,
      reportedOn: data.reportedOn,
      problemsRaised: data.problemsRaised ?? null,
      decisions: data.decisions ?? null,
    });
    await ctx.em.flush();
    return entry;
  }

  @Mutation(() => DispatchRound, {
    description:
      '调度汇总 — role reform-office: closes the round with its summary; tasks still unreported stay recorded as such; send its `version`',
  })
  async closeDispatchRound(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('summary', { description: '调度汇总 — the month’s summary' }) summary: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DispatchRound> {
    assertPerformAction(ctx, permissions, 'dispatch.write');
    parseInput(uuidRule, id, 'id');
    const data = parseInput(closeRoundRule, { version, summary }, '');
    const round = await findForUpdate(ctx, DispatchRound, 'id', id, 'id');
    assertOpen(round, 'id');
    assertCurrentVersion(round.version, data.version, 'version');
    Object.assign(round, {
      status: DispatchRoundStatus.CLOSED,
      summary: data.summary,
      closedOn: requestToday(ctx),
    });
    await ctx.em.flush();
    return round;
  }
}
