import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { regionCodePrefix } from '@county/domain';
import {
  ConnectionType,
  entityLoader,
  escapeLike,
  pageRows,
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
 * The list's filters as one condition on the alias `s`, and its parameters. Text rather than criteria
 * objects: MikroORM's criteria processing and the compiling of a nested query builder were most of this
 * list's CPU in the cockpit's cold request (bench, BENCH_PROFILE=cockpit).
 */
function orderConditions(
  ctx: SubgraphContext,
  args: SupervisionOrdersArgs,
  regionCode?: string,
): { sql: string; params: unknown[] } {
  const conditions: string[] = [];
  const params: unknown[] = [];
  if (args.status) {
    conditions.push('s.status = ?');
    params.push(args.status);
  }
  if (args.overdue !== undefined && args.overdue !== null) {
    const overdue = 's.status <> ? and s.deadline < ?';
    conditions.push(args.overdue ? overdue : `not (${overdue})`);
    params.push(SupervisionStatus.RECTIFIED, requestToday(ctx));
  }
  const task: string[] = [];
  if (args.year) {
    task.push('t.year = ?');
    params.push(args.year);
  }
  if (args.leadOrganizationId) {
    task.push('t.lead_organization_id = ?');
    params.push(args.leadOrganizationId);
  }
  if (regionCode) {
    task.push('t.region_code like ?');
    params.push(`${escapeLike(regionCodePrefix(regionCode) ?? '')}%`);
  }
  if (task.length)
    conditions.push(`s.task_id in (select t.id from reform_task t where ${task.join(' and ')})`);
  return { sql: conditions.join(' and '), params };
}

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
  return pageRows(ctx, SupervisionOrder, 's', orderConditions(ctx, args, regionCode), args, 'issuedOn', 'id');
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
