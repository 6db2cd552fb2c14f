import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { entityLoader, type Page, type SubgraphContext } from '@county/kit';
import { ServiceCentre } from '../centre/centre.entity';
import { ServiceItem } from '../item/item.entity';
import { share } from './service-stats.query';
import { ServiceStats } from './service-stats.types';
import { kpiPage } from './kpi-lists.query';
import { CentreKpi, CentreKpiConnection, ItemKpi, ItemKpiConnection, KpiListArgs } from './kpi-lists.types';
import type { TopRow } from './top-lists.query';

const figures = (row: TopRow) => ({
  received: Number(row.received),
  completed: Number(row.completed),
  onTimeRate: share(Number(row.on_time), Number(row.completed)),
});

const mapPage = <T>(page: Page<TopRow>, node: (row: TopRow) => T): Page<T> => ({
  nodes: page.nodes.map(node),
  pageInfo: page.pageInfo,
  get totalCount() {
    return page.totalCount;
  },
});

@Resolver(() => ServiceStats)
export class ServiceStatsKpiListsResolver {
  @FieldResolver(() => ItemKpiConnection, {
    description:
      '事项指标 — every item with cases in the period’s whole months, paged and sorted; the figures of `topItems`',
  })
  async itemKpis(
    @Root() stats: ServiceStats,
    @Args() args: KpiListArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<ItemKpi>> {
    const page = await kpiPage(ctx.em, stats.period, 'items', args);
    return mapPage(page, (row) => ({ itemId: row.id, ...figures(row) }));
  }

  @FieldResolver(() => CentreKpiConnection, {
    description:
      '中心指标 — every centre with cases in the period’s whole months, paged and sorted; the figures of `topCentres`',
  })
  async centreKpis(
    @Root() stats: ServiceStats,
    @Args() args: KpiListArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<CentreKpi>> {
    const page = await kpiPage(ctx.em, stats.period, 'centres', args);
    return mapPage(page, (row) => ({ centreId: row.id, ...figures(row) }));
  }
}

@Resolver(() => ItemKpi)
export class ItemKpiResolver {
  @FieldResolver(() => ServiceItem, { nullable: true, description: '事项 — the item' })
  item(@Root() kpi: ItemKpi, @Ctx() ctx: SubgraphContext): Promise<ServiceItem | null> {
    return entityLoader(ctx, ServiceItem, 'id').load(kpi.itemId);
  }
}

@Resolver(() => CentreKpi)
export class CentreKpiResolver {
  @FieldResolver(() => ServiceCentre, { nullable: true, description: '服务中心 — the centre' })
  centre(@Root() kpi: CentreKpi, @Ctx() ctx: SubgraphContext): Promise<ServiceCentre | null> {
    return entityLoader(ctx, ServiceCentre, 'id').load(kpi.centreId);
  }
}
