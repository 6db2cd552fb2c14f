import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import {
  allOf,
  ConnectionType,
  entityGroupLoader,
  entityLoader,
  escapeLike,
  pageRows,
  parseInput,
  type Page,
  type RowFilter,
  type SubgraphContext,
} from '@county/kit';
import { regionCodePrefix, uuidRule, yearRule } from '@county/domain';
import { ReformTask } from '../task/task.entity';
import { DispatchEntry, DispatchRound } from './dispatch.entity';
import { DispatchRoundsArgs } from './dispatch.args';
import { roundsArgsRule } from './dispatch.rules';

export const DispatchRoundConnection = ConnectionType(
  DispatchRound,
  '调度轮次列表 — a page of dispatch rounds',
);

interface EntryCounts {
  round_id: string;
  total: string;
  reported: string;
}

/** Reported and unreported entries of many rounds: one grouped statement per query level. */
const countsLoader = (ctx: SubgraphContext) =>
  ctx.loaders.get<string, EntryCounts | undefined>('DispatchRound.counts', async (ids) => {
    const rows = await ctx.em.execute<EntryCounts[]>(
      `select round_id, count(*) as total, count(reported) as reported
         from dispatch_entry
        where round_id in (select value::uuid from json_array_elements_text(?::json)) group by round_id`,
      [JSON.stringify(ids)],
    );
    return ids.map((id) => rows.find((row) => row.round_id === id));
  });

@Resolver(() => DispatchRound)
export class DispatchRoundResolver {
  @Query(() => DispatchRoundConnection, {
    description: '月调度 — dispatch rounds by year and region (and below), in month order',
  })
  dispatchRounds(
    @Args() args: DispatchRoundsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<DispatchRound>> {
    parseInput(roundsArgsRule, args, '');
    const filters: RowFilter[] = [];
    if (args.year) filters.push({ sql: 'd.year = ?', params: [args.year] });
    if (args.regionCode)
      filters.push({
        sql: 'd.region_code like ?',
        params: [`${escapeLike(regionCodePrefix(args.regionCode) ?? '')}%`],
      });
    return pageRows(ctx, DispatchRound, 'd', allOf(...filters), args, 'month', 'id');
  }

  @Query(() => DispatchRound, { nullable: true, description: '调度轮次 — one dispatch round' })
  dispatchRound(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<DispatchRound | null> {
    parseInput(uuidRule, id, 'id');
    return entityLoader(ctx, DispatchRound, 'id').load(id);
  }

  @FieldResolver(() => [DispatchEntry], {
    description:
      '调度事项 — the round’s tasks in task order; `reported: false` lists the tasks not reported (未报送)',
  })
  async entries(
    @Root() round: DispatchRound,
    @Ctx() ctx: SubgraphContext,
    @Arg('reported', () => Boolean, {
      nullable: true,
      description: 'Only reported (true) or unreported (false)',
    })
    reported?: boolean | null,
  ): Promise<DispatchEntry[]> {
    // a round holds at most MAX_TASKS_PER_ROUND entries: read them whole, per round of the level
    const entries = await entityGroupLoader(ctx, DispatchEntry, 'roundId', { id: 'asc' }).load(round.id);
    if (reported === undefined || reported === null) return entries;
    return entries.filter((entry) => (entry.reported !== null) === reported);
  }

  @FieldResolver(() => Int, { description: '调度任务数 — tasks dispatched' })
  async taskCount(@Root() round: DispatchRound, @Ctx() ctx: SubgraphContext): Promise<number> {
    return Number((await countsLoader(ctx).load(round.id))?.total ?? 0);
  }

  @FieldResolver(() => Int, { description: '未报送 — tasks that have not reported in this round' })
  async unreportedCount(@Root() round: DispatchRound, @Ctx() ctx: SubgraphContext): Promise<number> {
    const counts = await countsLoader(ctx).load(round.id);
    return Number(counts?.total ?? 0) - Number(counts?.reported ?? 0);
  }
}

@Resolver(() => DispatchEntry)
export class DispatchEntryResolver {
  @FieldResolver(() => ReformTask, { description: '任务 — the key task dispatched' })
  task(@Root() entry: DispatchEntry, @Ctx() ctx: SubgraphContext): Promise<ReformTask | null> {
    return entityLoader(ctx, ReformTask, 'id').load(entry.taskId);
  }

  @FieldResolver(() => DispatchRound, { description: '调度轮次 — the round it belongs to' })
  round(@Root() entry: DispatchEntry, @Ctx() ctx: SubgraphContext): Promise<DispatchRound | null> {
    return entityLoader(ctx, DispatchRound, 'id').load(entry.roundId);
  }

  @FieldResolver(() => Boolean, { description: '已报送 — whether the task reported in this round' })
  isReported(@Root() entry: DispatchEntry): boolean {
    return entry.reported !== null;
  }
}

interface TaskEntryRow {
  task_id: string;
  id: string;
}

/** A task's place in the monthly dispatch: what it reported, month by month. */
@Resolver(() => ReformTask)
export class TaskDispatchResolver {
  @FieldResolver(() => [DispatchEntry], {
    description: '月调度情况 — the task’s entries in the year’s dispatch rounds, by month (at most 12)',
  })
  async dispatchEntries(
    @Root() task: ReformTask,
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DispatchEntry[]> {
    parseInput(yearRule, year, 'year');
    // the entries of every task of the level, one statement; then the entries themselves by id
    const loader = ctx.loaders.get<string, string[]>(`ReformTask.dispatchEntries.${year}`, async (ids) => {
      const rows = await ctx.em.execute<TaskEntryRow[]>(
        `select e.task_id, e.id from dispatch_entry e join dispatch_round r on r.id = e.round_id
          where r.year = ? and e.task_id in (select value::uuid from json_array_elements_text(?::json))
          order by r.month`,
        [year, JSON.stringify(ids)],
      );
      return ids.map((id) => rows.filter((row) => row.task_id === id).map((row) => row.id));
    });
    const entries = await entityLoader(ctx, DispatchEntry, 'id').loadMany(await loader.load(task.id));
    return entries.filter((entry): entry is DispatchEntry => !!entry && !(entry instanceof Error));
  }
}
