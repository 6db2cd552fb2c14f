import { registerEnumType } from 'type-graphql';
import {
  badInput,
  pageSize,
  PreparedRead,
  type Page,
  type PageArgs,
  type SubgraphContext,
} from '@county/kit';
import { lagTolerance } from '../config';
import type { ReformTask } from './task.entity';
import { TASK_COLUMNS, taskConditions, type TaskFilterArgs } from './task-filters';
import { progressLoader, taskProgress } from './task-state';

export enum ReformTaskOrder {
  CODE = 'CODE',
  MOST_BEHIND = 'MOST_BEHIND',
}

registerEnumType(ReformTaskOrder, {
  name: 'ReformTaskOrder',
  description: '改革任务排序 — how a list of reform tasks is ordered',
  valuesConfig: {
    CODE: { description: '按编号 — by ledger number (the default)' },
    MOST_BEHIND: {
      description:
        '最滞后优先 — expected minus actual progress today, largest first; equal gaps by ledger number',
    },
  },
});

/** A MOST_BEHIND page's cursor: the last task's gap and code. */
function decodeCursor(after: string): [number, string] {
  try {
    const value: unknown = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'string')
      return [value[0], value[1]];
  } catch {
    // fall through to the error below
  }
  throw badInput('after', 'cursor', 'is not a cursor this list returned');
}

interface MostBehindRow extends ReformTask {
  /** The whole list's length (every row carries it; a page past the end is one row of nulls). */
  total_count: string;
  expected: number;
  actual: number;
  milestone_overdue: boolean;
  lagging: boolean;
  gap: number;
}

/**
 * The statement of a MOST_BEHIND page: the tasks the filters keep (`base`), the state of all of them from
 * one call of `reform_task_state` (scoped to their ids, so its work follows the list, not the ledger), the
 * `lagging` filter on that state, then the list's length and one page of it, largest gap first. One
 * statement per filter combination, prepared once per connection.
 */
function mostBehindStatement(conditions: string[], lagging: boolean, paged: boolean) {
  return PreparedRead.of<MostBehindRow>(
    `with base as (
       select ${TASK_COLUMNS} from reform_task t where ${conditions.join(' and ') || 'true'}
     ), state as (
       select * from reform_task_state(?::date, ?::float8, ?::int,
         (select coalesce(array_agg(id), '{}') from base))
     ), list as (
       select b.*, s.expected, s.actual, s.milestone_overdue, s.lagging, s.expected - s.actual as gap
       from base b join state s on s.task_id = b.id${lagging ? ' where s.lagging = ?' : ''}
     )
     select c.total_count, p.* from (select count(*) as total_count from list) c
     left join lateral (
       select * from list${paged ? ' where gap < ?::float8 or (gap = ?::float8 and code > ?)' : ''}
       order by gap desc, code limit ?
     ) p on true`,
  );
}

/**
 * Tasks ordered by how far behind they are on `asOf`, in SQL: each task's gap (expected − actual, percent
 * points) from `reform_task_state`, once for the tasks the filters keep. Keyset pages on (gap, code). The
 * page, its list's length and each task's progress on `asOf` come from one statement: the progress primes
 * the field's loader, and `totalCount` costs nothing more.
 */
export async function pageMostBehind(
  ctx: SubgraphContext,
  args: TaskFilterArgs & PageArgs,
  asOf: string,
): Promise<Page<ReformTask>> {
  const size = pageSize(args.first);
  const { conditions, params } = taskConditions(args);
  const lagging = args.lagging !== undefined && args.lagging !== null;
  const values: unknown[] = [...params, asOf, lagTolerance(), args.year ?? null];
  if (lagging) values.push(args.lagging);
  if (args.after) {
    const [lastGap, lastCode] = decodeCursor(args.after);
    values.push(lastGap, lastGap, lastCode);
  }
  values.push(size + 1);
  const result = await mostBehindStatement(conditions, lagging, !!args.after).run(ctx.em, values);
  const rows = result.filter((row) => row.id !== null);
  const progress = progressLoader(ctx, asOf);
  const nodes: ReformTask[] = [];
  for (const row of rows.slice(0, size)) {
    const {
      total_count: _count,
      expected,
      actual,
      milestone_overdue,
      lagging: late,
      gap: _gap,
      ...task
    } = row;
    progress.prime(task.id, taskProgress(asOf, { expected, actual, milestone_overdue, lagging: late }));
    nodes.push(task);
  }
  const last = rows[Math.min(rows.length, size) - 1];
  return {
    nodes,
    pageInfo: {
      hasNextPage: rows.length > size,
      endCursor: last
        ? Buffer.from(JSON.stringify([Number(last.gap), last.code])).toString('base64url')
        : null,
    },
    totalCount: Promise.resolve(Number(result[0]?.total_count ?? 0)),
  };
}
