import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { regionCodePrefix } from '@county/domain';
import {
  ConnectionType,
  entityLoader,
  escapeLike,
  paginate,
  parseInput,
  type Page,
  type SubgraphContext,
} from '@county/kit';
import { requestToday } from '../dates';
import { SupervisionStatus } from '../vocabulary';
import { ReformTask } from '../task/task.entity';
import { SupervisionOrder } from './supervision.entity';
import { SupervisionOrdersArgs } from './supervision.args';
import { ordersArgsRule } from './supervision.rules';

export const SupervisionOrderConnection = ConnectionType(
  SupervisionOrder,
  '督办单列表 — a page of supervision orders',
);

/**
 * A page of orders, latest first: the top-level list's, and a region's (`Region.supervisionOrders`: orders
 * issued to tasks carried out in the region or below).
 */
export function pageSupervisionOrders(
  ctx: SubgraphContext,
  args: SupervisionOrdersArgs,
  regionCode?: string,
): Promise<Page<SupervisionOrder>> {
  parseInput(ordersArgsRule, args, '');
  const qb = ctx.em.createQueryBuilder(SupervisionOrder, 's');
  if (args.status) qb.andWhere({ status: args.status });
  if (args.overdue !== undefined && args.overdue !== null) {
    const overdue = { status: { $ne: SupervisionStatus.RECTIFIED }, deadline: { $lt: requestToday(ctx) } };
    qb.andWhere(args.overdue ? overdue : { $not: overdue });
  }
  if (args.year || args.leadOrganizationId || regionCode) {
    const tasks = ctx.em.createQueryBuilder(ReformTask, 't').select('t.id');
    if (args.year) tasks.andWhere({ year: args.year });
    if (args.leadOrganizationId) tasks.andWhere({ leadOrganizationId: args.leadOrganizationId });
    if (regionCode)
      tasks.andWhere({ regionCode: { $like: `${escapeLike(regionCodePrefix(regionCode) ?? '')}%` } });
    qb.andWhere({ taskId: { $in: tasks.getKnexQuery() } });
  }
  return paginate(qb, args, 'issuedOn', 'id');
}

@Resolver(() => SupervisionOrder)
export class SupervisionOrderResolver {
  @Query(() => SupervisionOrderConnection, {
    description: '督办单列表 — supervision orders by year, status, overdue, lead organisation; latest first',
  })
  supervisionOrders(
    @Args() args: SupervisionOrdersArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<SupervisionOrder>> {
    return pageSupervisionOrders(ctx, args);
  }

  @FieldResolver(() => ReformTask, { description: '任务 — the task it was issued to' })
  task(@Root() order: SupervisionOrder, @Ctx() ctx: SubgraphContext): Promise<ReformTask | null> {
    return entityLoader(ctx, ReformTask, 'id').load(order.taskId);
  }

  @FieldResolver(() => Boolean, { description: '逾期 — past its deadline and not rectified' })
  overdue(@Root() order: SupervisionOrder, @Ctx() ctx: SubgraphContext): boolean {
    return order.status !== SupervisionStatus.RECTIFIED && order.deadline < requestToday(ctx);
  }
}
