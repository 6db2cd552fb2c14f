import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { SubgraphContext } from '@county/kit';
import { DisputeStats } from './dispute-stats.types';
import type { DisputeStatsRoot } from './dispute-stats';
import { resolutionFigures, type ResolutionFigures } from './dispute-resolutions';

/** The resolution figures of one DisputeStats, counted at most once however many of them are asked for. */
function resolutionsOf(stats: DisputeStatsRoot, ctx: SubgraphContext): Promise<ResolutionFigures> {
  stats.resolutions ??= resolutionFigures(ctx, stats.scope);
  return stats.resolutions;
}

/**
 * The DisputeStats fields the rollup cannot give exactly (times to resolution, return visits): a second
 * statement over the disputes, run only when a query asks for one of them. Their types and descriptions stay
 * on DisputeStats.
 */
@Resolver(() => DisputeStats)
export class DisputeStatsResolver {
  @FieldResolver()
  async averageDaysToResolve(@Root() stats: DisputeStatsRoot, @Ctx() ctx: SubgraphContext) {
    return (await resolutionsOf(stats, ctx)).averageDaysToResolve;
  }

  @FieldResolver()
  async p80DaysToResolve(@Root() stats: DisputeStatsRoot, @Ctx() ctx: SubgraphContext) {
    return (await resolutionsOf(stats, ctx)).p80DaysToResolve;
  }

  @FieldResolver()
  async visited(@Root() stats: DisputeStatsRoot, @Ctx() ctx: SubgraphContext) {
    return (await resolutionsOf(stats, ctx)).visited;
  }

  @FieldResolver()
  async returnVisitCoverage(@Root() stats: DisputeStatsRoot, @Ctx() ctx: SubgraphContext) {
    return (await resolutionsOf(stats, ctx)).returnVisitCoverage;
  }

  @FieldResolver()
  async satisfactionRate(@Root() stats: DisputeStatsRoot, @Ctx() ctx: SubgraphContext) {
    return (await resolutionsOf(stats, ctx)).satisfactionRate;
  }

  @FieldResolver()
  async relapses(@Root() stats: DisputeStatsRoot, @Ctx() ctx: SubgraphContext) {
    return (await resolutionsOf(stats, ctx)).relapses;
  }
}
