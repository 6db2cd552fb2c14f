import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@county/kit';
import { PersonRef } from '../directory';
import { ReformTask } from '../task/task.entity';
import { tasksBy } from '../task/task-lists';

/** What this subgraph adds to the people subgraph's Person: the reform tasks a county leader is linked to. */
@Resolver(() => PersonRef)
export class PersonResolver {
  @FieldResolver(() => [ReformTask], {
    nullable: true, // fails alone: schema/src/nullable-extensions.ts
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
