import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { Page, SubgraphContext } from '@county/kit';
import { MAX_PAGE_SIZE } from '@county/kit';
import { RegionRef } from '../directory';
import { ReformTask } from '../task/task.entity';
import { ReformTaskListArgs } from '../task/task.args';
import { pageReformTasks, ReformTaskConnection } from '../task/task.resolver';
import { SupervisionOrder } from '../supervision/supervision.entity';
import { SupervisionOrdersArgs } from '../supervision/supervision.args';
import { pageSupervisionOrders, SupervisionOrderConnection } from '../supervision/supervision.resolver';
import { resultsBoard, ResultsBoardEntry } from '../assessment/assessment.resolver';

/*
 * The region's own lists beside its statistics: asked for on `Region`, they travel in the same call to this
 * subgraph as `reformStats` (the cockpit's one request makes one call here, not one for the statistics and
 * one for the top-level lists). Each is one statement for the region it is asked on: ask them on one
 * region, not on every child.
 */
@Resolver(() => RegionRef)
export class RegionListsResolver {
  @FieldResolver(() => ReformTaskConnection, {
    nullable: true, // fails alone: schema/src/nullable-extensions.ts
    description:
      '改革任务列表 — the tasks carried out in this region or below, with the top-level list’s filters',
  })
  reformTasks(
    @Root() region: RegionRef,
    @Args() args: ReformTaskListArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<ReformTask>> {
    return pageReformTasks(ctx, { ...args, regionCode: region.code });
  }

  @FieldResolver(() => SupervisionOrderConnection, {
    nullable: true,
    description: '督办单列表 — orders issued to tasks carried out in this region or below; latest first',
  })
  supervisionOrders(
    @Root() region: RegionRef,
    @Args() args: SupervisionOrdersArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<SupervisionOrder>> {
    return pageSupervisionOrders(ctx, args, region.code);
  }

  @FieldResolver(() => [ResultsBoardEntry], {
    nullable: true,
    description: `问效榜 — the organisations of this region and below ranked by their assessment total for a year, among themselves (top \`first\`, at most ${MAX_PAGE_SIZE})`,
  })
  resultsBoard(
    @Root() region: RegionRef,
    @Arg('year', () => Int) year: number,
    @Arg('first', () => Int, { nullable: true }) first: number | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ResultsBoardEntry[]> {
    return resultsBoard(ctx, year, first, region.code);
  }
}
