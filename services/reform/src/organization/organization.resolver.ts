import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@county/kit';
import { OrganizationRef } from '../directory';
import { ReformTask } from '../task/task.entity';
import { tasksBy, tasksCooperatedBy } from '../task/task-lists';

/** What this subgraph adds to the people subgraph's Organization: the reform tasks it leads or cooperates on. */
@Resolver(() => OrganizationRef)
export class OrganizationResolver {
  @FieldResolver(() => [ReformTask], {
    nullable: true, // fails alone: schema/src/nullable-extensions.ts
    description: '牵头改革任务 — the reform tasks it leads in a year',
  })
  ledReformTasks(
    @Root() organization: OrganizationRef,
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ReformTask[]> {
    return tasksBy(ctx, 'leadOrganizationId', year, organization.id);
  }

  @FieldResolver(() => [ReformTask], {
    nullable: true, // fails alone: schema/src/nullable-extensions.ts
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
