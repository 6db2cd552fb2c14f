import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { manyByKey, parseInput, type ReferenceResolver, type SubgraphContext } from '@county/kit';
import { yearRule } from '../field-rules';
import { ReformTask } from '../task/task.entity';
import { uuidArray } from '../task/task-state';
import { OrganizationRef, PersonRef } from './directory.types';

/*
 * Lists per organisation or person are per year: a year's tasks of one organisation are a handful, so they
 * come whole, and one statement per level serves every organisation or person of a query.
 */

type TaskColumn = 'leadOrganizationId' | 'leaderId';

function tasksBy(ctx: SubgraphContext, column: TaskColumn, year: number, key: string): Promise<ReformTask[]> {
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

function tasksCooperatedBy(ctx: SubgraphContext, year: number, key: string): Promise<ReformTask[]> {
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

@Resolver(() => OrganizationRef)
export class OrganizationTasksResolver {
  @FieldResolver(() => [ReformTask], { description: '牵头改革任务 — the reform tasks it leads in a year' })
  ledReformTasks(
    @Root() organization: OrganizationRef,
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ReformTask[]> {
    return tasksBy(ctx, 'leadOrganizationId', year, organization.id);
  }

  @FieldResolver(() => [ReformTask], {
    description: '配合改革任务 — the reform tasks it cooperates on in a year',
  })
  cooperatingReformTasks(
    @Root() organization: OrganizationRef,
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ReformTask[]> {
    return tasksCooperatedBy(ctx, year, organization.id);
  }
}

@Resolver(() => PersonRef)
export class PersonTasksResolver {
  @FieldResolver(() => [ReformTask], {
    description: '挂钩改革任务 — the reform tasks a county leader is linked to in a year',
  })
  linkedReformTasks(
    @Root() person: PersonRef,
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ReformTask[]> {
    return tasksBy(ctx, 'leaderId', year, person.id);
  }
}

/** The gateway sends the key; this subgraph adds fields to it and needs nothing else. */
export const directoryReferences: Record<string, ReferenceResolver> = {
  Region: (reference) => ({ code: String(reference.code) }),
  Organization: (reference) => ({ id: String(reference.id) }),
  Person: (reference) => ({ id: String(reference.id) }),
};
