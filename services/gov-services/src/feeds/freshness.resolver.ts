import { Ctx, FieldResolver, Resolver } from 'type-graphql';
import { FeedFreshness, feedFreshness, type SubgraphContext } from '@county/kit';
import { ServiceStats } from '../stats/service-stats.types';
import { govServicesFeeds } from './index';

/** The kit's one convention: each statistics object of a subgraph with feeds says how fresh its data is. */
@Resolver(() => ServiceStats)
export class ServiceStatsFreshnessResolver {
  @FieldResolver(() => [FeedFreshness], {
    description:
      '数据新鲜度 — the latest delivery of each feed behind these figures (the provincial platform’s cases)',
  })
  freshness(@Ctx() ctx: SubgraphContext): Promise<FeedFreshness[]> {
    return feedFreshness(ctx.em, govServicesFeeds);
  }
}
