import { Ctx, FieldResolver, Resolver } from 'type-graphql';
import { FeedFreshness, feedFreshness, type SubgraphContext } from '@county/kit';
import { DisputeStats } from '../dispute/dispute-stats.types';
import { governanceFeeds } from './index';

/** The kit's one convention: each statistics object of a subgraph with feeds says how fresh its data is. */
@Resolver(() => DisputeStats)
export class DisputeStatsFreshnessResolver {
  @FieldResolver(() => [FeedFreshness], {
    description:
      '数据新鲜度 — the latest delivery of each feed behind these figures (the mediation platform’s disputes)',
  })
  freshness(@Ctx() ctx: SubgraphContext): Promise<FeedFreshness[]> {
    return feedFreshness(ctx.em, governanceFeeds);
  }
}
