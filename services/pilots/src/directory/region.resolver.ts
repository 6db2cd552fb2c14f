import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { parseInput, type SubgraphContext } from '@county/kit';
import { currentYear, yearRule } from '../field-rules';
import { PilotStats } from '../stats/pilot-stats.types';
import { pilotStatsLoader } from '../stats/pilot-stats';
import { RegionRef } from './directory-types';

@Resolver(() => RegionRef)
export class RegionPilotResolver {
  @FieldResolver(() => PilotStats, {
    // nullable: when this subgraph is down, the rest of the region (and the other domains) still answers
    nullable: true,
    description:
      '改革试点统计 — pilots of this region and everything below it: by level and stage, new this year, leads won, evaluations, overdue, clean-up',
  })
  pilotStats(
    @Root() region: RegionRef,
    @Arg('year', () => Int, {
      nullable: true,
      description: 'The year `newThisYear` counts; default the current year',
    })
    year: number | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PilotStats> {
    const statsYear = year ?? currentYear();
    parseInput(yearRule, statsYear, 'year');
    return pilotStatsLoader(ctx, statsYear).load(region.code);
  }
}
