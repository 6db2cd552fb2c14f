import { manyByKey, parseInput, type SubgraphContext } from '@county/kit';
import { yearRule } from '@county/domain';
import { ReformTask } from './task.entity';
import { uuidArray } from './task-state';

/*
 * Lists per organisation or person are per year: a year's tasks of one organisation are a handful, so they
 * come whole, and one statement per level serves every organisation or person of a query.
 */

type TaskColumn = 'leadOrganizationId' | 'leaderId';

/** The year's tasks whose `column` is `key` (an organisation or a person id), by code. */
export function tasksBy(
  ctx: SubgraphContext,
  column: TaskColumn,
  year: number,
  key: string,
): Promise<ReformTask[]> {
  parseInput(yearRule, year, 'year');
  return ctx.loaders
    .get<string, ReformTask[]>(`ReformTask.${column}.${year}`, async (keys) => {
      const rows: ReformTask[] = await ctx.em
        .createQueryBuilder(ReformTask)
        .where({ [column]: { $in: [...keys] }, year })
        .orderBy({ code: 'asc' })
        .execute('all', true);
      return manyByKey(keys, rows, (row) => row[column] ?? '');
    })
    .load(key);
}

/** The year's tasks an organisation cooperates on, by code. */
export function tasksCooperatedBy(ctx: SubgraphContext, year: number, key: string): Promise<ReformTask[]> {
  parseInput(yearRule, year, 'year');
  return ctx.loaders
    .get<string, ReformTask[]>(`ReformTask.cooperating.${year}`, async (keys) => {
      const rows: ReformTask[] = await ctx.em
        .createQueryBuilder(ReformTask, 't')
        .where({ year })
        .andWhere('t.cooperating_organization_ids && ?::text[]', [uuidArray(keys)])
        .orderBy({ code: 'asc' })
        .execute('all', true);
      return keys.map((id) => rows.filter((row) => row.cooperatingOrganizationIds.includes(id)));
    })
    .load(key);
}
