import { registerEnumType } from 'type-graphql';
import type { QueryBuilder } from '@mikro-orm/postgresql';
import { raw } from '@mikro-orm/core';
import { badInput, pageSize, type Page, type PageArgs } from '@county/kit';
import { lagTolerance } from '../config';
import type { ReformTask } from './task.entity';

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

/**
 * Tasks ordered by how far behind they are on `asOf`, in SQL: each task's gap (expected − actual, percent
 * points) comes from `reform_task_state` for that task alone, after the filters have narrowed the rows
 * (the cockpit asks for the lagging tasks of one year and region: a handful). Keyset pages on (gap, code).
 */
export async function pageMostBehind(
  qb: QueryBuilder<ReformTask, 't'>,
  args: PageArgs,
  asOf: string,
): Promise<Page<ReformTask>> {
  const size = pageSize(args.first);
  const countQuery = qb.clone();
  // asOf is a validated ISO date and the tolerance a number from the configuration: safe to inline
  const gap = `(select s.expected - s.actual from reform_task_state('${asOf}'::date, ${lagTolerance()}::float8, null, array[t.id]) s where s.task_id = t.id)`;
  if (args.after) {
    const [lastGap, lastCode] = decodeCursor(args.after);
    qb.andWhere(`(${gap} < ? or (${gap} = ? and t.code > ?))`, [lastGap, lastGap, lastCode]);
  }
  qb.select(['*', raw(`${gap} as gap`)])
    .orderBy({ [raw(`${gap}`)]: 'desc', code: 'asc' } as never)
    .limit(size + 1);
  const rows = (await qb.execute('all', true)) as (ReformTask & { gap: number })[];
  const nodes = rows.slice(0, size);
  const last = nodes.at(-1);
  let count: Promise<number> | undefined;
  return {
    nodes,
    pageInfo: {
      hasNextPage: rows.length > size,
      endCursor: last
        ? Buffer.from(JSON.stringify([Number(last.gap), last.code])).toString('base64url')
        : null,
    },
    get totalCount() {
      count ??= countQuery.getCount();
      return count;
    },
  };
}
