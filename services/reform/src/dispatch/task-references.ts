import { badInput, type SubgraphContext } from '@county/kit';
import { ReformTask } from '../task/task.entity';

export type TaskReference = Pick<
  ReformTask,
  'id' | 'year' | 'code' | 'leadOrganizationId' | 'cooperatingOrganizationIds'
>;

/**
 * The reform tasks an instrument names (a round, an inspection, a bulletin, an outcome), read in one
 * statement; an id that names no task is refused as `field` with rule `exists`.
 */
export async function requireTasks(
  ctx: SubgraphContext,
  taskIds: readonly string[] | null | undefined,
  field: string,
): Promise<TaskReference[]> {
  const unique = [...new Set(taskIds ?? [])];
  if (!unique.length) return [];
  const found = await ctx.em.find(
    ReformTask,
    { id: { $in: unique } },
    { fields: ['id', 'year', 'code', 'leadOrganizationId', 'cooperatingOrganizationIds'] },
  );
  const index = (taskIds ?? []).findIndex((id) => !found.some((task) => task.id === id));
  if (index >= 0) throw badInput(`${field}.${index}`, 'exists', `no reform task has id ${taskIds![index]}`);
  return unique.map((id) => found.find((task) => task.id === id)!);
}
