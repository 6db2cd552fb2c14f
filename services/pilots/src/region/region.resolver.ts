import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { parseInput, type SubgraphContext } from '@county/kit';
import { chinaYear, RegionMapping } from '@county/domain';
import { pilotYearRule } from '../field-rules';
import { PilotStats } from '../stats/pilot-stats.types';
import { pilotStatsLoader } from '../stats/pilot-stats';
import { RegionRef } from '../directory';

/** What this subgraph adds to the people subgraph's Region: its pilot statistics. */
@Resolver(() => RegionRef)
export class RegionResolver {
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
      description: 'The year carried, new, closed and leads count; default the current year',
    })
    year: number | undefined,
    @Ctx() ctx: SubgraphContext,
    @Arg('regions', () => RegionMapping, {
      nullable: true,
      defaultValue: RegionMapping.TODAY,
      description: '区划口径 — counted in today’s regions (merged ones included) or as recorded',
    })
    mapping?: RegionMapping | null,
  ): Promise<PilotStats> {
    const statsYear = year ?? chinaYear();
    parseInput(pilotYearRule, statsYear, 'year');
    return pilotStatsLoader(ctx, statsYear, mapping ?? RegionMapping.TODAY).load(region.code);
  }
}
