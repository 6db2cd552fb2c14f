import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { entityLoader, type SubgraphContext } from '@county/kit';
import { ServiceCentre } from '../centre/centre.entity';
import { ServiceItem } from '../item/item.entity';
import { share } from './service-stats.query';
import { ServiceStats, TopCentre, TopItem } from './service-stats.types';
import { topRows, type TopList, type TopRow } from './top-lists.query';

/*
 * The top lists of 政务服务统计 are separate statements, run only when a query asks for them; their items
 * and centres are loaded (one statement per list, batched) only when those are asked for too.
 */

/** Each answer's lists, read once per answer: answers may be cached, and aliases ask for a list twice. */
const read = new WeakMap<ServiceStats, Map<TopList, Promise<TopRow[]>>>();

function rowsOf(stats: ServiceStats, list: TopList, ctx: SubgraphContext): Promise<TopRow[]> {
  let lists = read.get(stats);
  if (!lists) read.set(stats, (lists = new Map()));
  let rows = lists.get(list);
  if (!rows) {
    rows = topRows(ctx.em, stats.period, list);
    lists.set(list, rows);
    // a failure is not remembered
    rows.catch(() => lists.delete(list));
  }
  return rows;
}

const figures = (row: TopRow) => ({
  received: Number(row.received),
  completed: Number(row.completed),
  onTimeRate: share(Number(row.on_time), Number(row.completed)),
});

@Resolver(() => ServiceStats)
export class ServiceStatsTopListsResolver {
  @FieldResolver(() => [TopItem], { description: '事项排行 — top 10 items by received (whole months)' })
  async topItems(@Root() stats: ServiceStats, @Ctx() ctx: SubgraphContext): Promise<TopItem[]> {
    return (await rowsOf(stats, 'items', ctx)).map((row) => ({ itemId: row.id, ...figures(row) }));
  }

  @FieldResolver(() => [TopCentre], { description: '中心排行 — top 10 centres by received (whole months)' })
  async topCentres(@Root() stats: ServiceStats, @Ctx() ctx: SubgraphContext): Promise<TopCentre[]> {
    return (await rowsOf(stats, 'centres', ctx)).map((row) => ({ centreId: row.id, ...figures(row) }));
  }
}

@Resolver(() => TopItem)
export class TopItemResolver {
  @FieldResolver(() => ServiceItem, { nullable: true })
  item(@Root() top: TopItem, @Ctx() ctx: SubgraphContext): Promise<ServiceItem | null> {
    return entityLoader(ctx, ServiceItem, 'id').load(top.itemId) as Promise<ServiceItem | null>;
  }
}

@Resolver(() => TopCentre)
export class TopCentreResolver {
  @FieldResolver(() => ServiceCentre, { nullable: true })
  centre(@Root() top: TopCentre, @Ctx() ctx: SubgraphContext): Promise<ServiceCentre | null> {
    return entityLoader(ctx, ServiceCentre, 'id').load(top.centreId) as Promise<ServiceCentre | null>;
  }
}
