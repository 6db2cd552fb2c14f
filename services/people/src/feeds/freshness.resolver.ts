import { Ctx, FieldResolver, Resolver } from 'type-graphql';
import { FeedFreshness, feedFreshness, type SubgraphContext } from '@county/kit';
import { WorkforceStats } from '../workforce-stats/workforce-stats.types';
import { peopleFeeds } from './index';

/** The kit's one convention: each statistics object of a subgraph with feeds says how fresh its data is. */
@Resolver(() => WorkforceStats)
export class WorkforceStatsFreshnessResolver {
  @FieldResolver(() => [FeedFreshness], {
    description:
      '数据新鲜度 — the latest delivery of each feed behind these figures (the organisation department’s roster)',
  })
  freshness(@Ctx() ctx: SubgraphContext): Promise<FeedFreshness[]> {
    return feedFreshness(ctx.em, peopleFeeds);
  }
}
