import { Field, Float, ObjectType } from 'type-graphql';
import { DateScalar, PreparedRead, type SubgraphContext } from '@county/kit';
import { lagTolerance } from '../config';

@ObjectType({ description: '进度 — a task’s expected and actual progress on a date' })
export class TaskProgress {
  @Field(() => DateScalar, { description: '日期 — the date it is measured on' })
  on!: string;

  @Field(() => Float, {
    description:
      '序时进度 — expected progress, percent: the milestones due by then or, for a task without milestones, the elapsed share of its planned start → end',
  })
  expected!: number;

  @Field(() => Float, {
    description: '实际进度 — the latest reported percent (a plan: its tasks’ weighted mean)',
  })
  actual!: number;

  @Field({ description: '节点逾期 — a milestone is past its date and not done' })
  milestoneOverdue!: boolean;

  @Field({
    description:
      '滞后 — behind expected progress by more than the tolerance (REFORM_LAG_TOLERANCE), or a milestone overdue',
  })
  lagging!: boolean;
}

/** A row of `reform_task_state`. */
export interface StateRow {
  task_id: string;
  expected: number | null;
  actual: number | null;
  milestone_overdue: boolean;
  lagging: boolean;
}

/** Percentages are shown to one decimal. */
export const round1 = (value: number | null) => Math.round((value ?? 0) * 10) / 10;

/** A Postgres array literal of UUIDs (validated ids only: they hold no quotes or commas). */
export const uuidArray = (ids: readonly string[]) => `{${ids.join(',')}}`;

/**
 * The SQL function `reform_task_state` (see the migration) for a set of tasks: the parameters of its call.
 * `scopeYear` narrows the work to one year's tasks; `ids` to those tasks and their children.
 */
export const STATE_CALL_SQL = 'reform_task_state(?::date, ?::float8, ?::int, ?::uuid[])';
export const stateCall = (asOf: string, scope: { year?: number; ids?: readonly string[] } = {}) => ({
  sql: STATE_CALL_SQL,
  params: [asOf, lagTolerance(), scope.year ?? null, scope.ids ? uuidArray(scope.ids) : null],
});

/** A task's progress on `asOf`, as the API shows it, from its `reform_task_state` row (none: nothing due). */
export const taskProgress = (asOf: string, row: Omit<StateRow, 'task_id'> | undefined): TaskProgress => ({
  on: asOf,
  expected: round1(row?.expected ?? 0),
  actual: round1(row?.actual ?? 0),
  milestoneOverdue: row?.milestone_overdue ?? false,
  lagging: row?.lagging ?? false,
});

const PROGRESS = PreparedRead.of<StateRow>(`select * from ${STATE_CALL_SQL} where task_id = any(?::uuid[])`);

/**
 * Progress of tasks on `asOf`: one statement per tick for every task a query reaches, none for the tasks a
 * list has already measured (it primes this loader).
 */
export function progressLoader(ctx: SubgraphContext, asOf: string) {
  return ctx.loaders.get<string, TaskProgress>(`ReformTask.progress.${asOf}`, async (ids) => {
    const call = stateCall(asOf, { ids });
    const rows = await PROGRESS.run(ctx.em, [...call.params, uuidArray(ids)]);
    const byId = new Map(rows.map((row) => [row.task_id, row]));
    return ids.map((id) => taskProgress(asOf, byId.get(id)));
  });
}
