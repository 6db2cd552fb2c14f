import { Arg, Args, ArgsType, Ctx, Field, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { RegionLevel, RegionMapping } from '@county/domain';
import { DateScalar, PageArgs, parseInput, regionScope, type Page, type SubgraphContext } from '@county/kit';
import { GridLevel } from '../vocabulary';
import { RegionRef } from '../directory';
import { anyRegionCode, regionCodeOf } from '../field-rules';
import { Grid } from '../grid/grid.entity';
import { findGrids, GridConnection } from '../grid/grid.resolver';
import { DisputeStats } from '../dispute/dispute-stats.types';
import { disputeStats, type DisputeStatsRoot } from '../dispute/dispute-stats';
import { dayRange } from '../dispute/dispute.query';
import { RiskJudgement } from '../risk/risk-judgement.entity';
import { RiskVillagesArgs } from '../risk/risk-judgement.args';
import { yearRule } from '@county/domain';
import { RiskSummary, riskSummary, riskVillages } from '../risk/risk-summary';
import { RiskJudgementConnection } from '../risk/risk-judgement.connection';
import { PetitionStats } from '../petition/petition-stats.types';
import { petitionStats } from '../petition/petition-stats';
import { GROUP_PETITION_MIN } from '../petition/petition.rules';

@ArgsType()
class RegionGridsArgs extends PageArgs {
  @Field(() => GridLevel, { nullable: true })
  level?: GridLevel;
}

const villageCode = regionCodeOf(RegionLevel.VILLAGE);

/** The fields this subgraph adds to the people subgraph's Region: statistics and lists of the region and below. */
@Resolver(() => RegionRef)
export class RegionResolver {
  @FieldResolver(() => DisputeStats, {
    // nullable: when this subgraph is down, the rest of the region (and the other domains) still answers
    nullable: true,
    description:
      '矛盾纠纷统计 — disputes reported from `from` to `to` (days, inclusive, China time) in this region and below',
  })
  async disputeStats(
    @Root() region: RegionRef,
    @Arg('from', () => DateScalar) from: Date,
    @Arg('to', () => DateScalar) to: Date,
    @Arg('regions', () => RegionMapping, {
      nullable: true,
      defaultValue: RegionMapping.TODAY,
      description: '区划口径 — counted in today’s regions (merged ones included) or as recorded',
    })
    mapping: RegionMapping | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DisputeStatsRoot> {
    parseInput(anyRegionCode, region.code, 'code');
    const [first, last] = dayRange(from, to, 'from', 'to');
    const regions = mapping ?? RegionMapping.TODAY;
    // every region of one query level (the children of the cockpit's region) in one statement
    return ctx.loaders
      .get<string, DisputeStatsRoot>(`Region.disputeStats.${first}.${last}.${regions}`, (codes) =>
        disputeStats(
          ctx,
          codes.map((code) => ({ regionCode: code, codes: regionScope(ctx, code, regions) })),
          first,
          last,
        ),
      )
      .load(region.code);
  }

  @FieldResolver(() => PetitionStats, {
    nullable: true,
    description:
      '信访统计 — petitions received from `from` to `to` (days, inclusive, China time) in this region and below, beside the same days a year earlier',
  })
  petitionStats(
    @Root() region: RegionRef,
    @Arg('from', () => DateScalar) from: Date,
    @Arg('to', () => DateScalar) to: Date,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PetitionStats> {
    parseInput(anyRegionCode, region.code, 'code');
    const [first, last] = dayRange(from, to, 'from', 'to');
    return petitionStats(ctx, region.code, first, last, GROUP_PETITION_MIN);
  }

  @FieldResolver(() => GridConnection, {
    nullable: true, // fails alone: schema/src/nullable-extensions.ts
    description: '网格 — the grids in this region and below, by code',
  })
  grids(
    @Root() region: RegionRef,
    @Args() args: RegionGridsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<Grid>> {
    return findGrids(ctx, { ...args, regionCode: region.code });
  }

  @FieldResolver(() => RiskJudgement, {
    nullable: true,
    description: '风险研判 — this village’s judgement for the year; null when not judged or not a village',
  })
  riskJudgement(
    @Root() region: RegionRef,
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RiskJudgement | null> | null {
    parseInput(yearRule, year, 'year');
    if (!villageCode.safeParse(region.code).success) return null;
    return ctx.loaders
      .get<string, RiskJudgement | null>(`RiskJudgement.byVillage.${year}`, async (codes) => {
        const rows: RiskJudgement[] = await ctx.em
          .createQueryBuilder(RiskJudgement)
          .where({ year, regionCode: { $in: [...codes] } })
          .execute('all', true);
        const byCode = new Map(rows.map((row) => [row.regionCode, row]));
        return codes.map((code) => byCode.get(code) ?? null);
      })
      .load(region.code);
  }

  @FieldResolver(() => RiskJudgementConnection, {
    nullable: true, // fails alone: schema/src/nullable-extensions.ts
    description: '风险村 — villages in this region judged at risk in a year (or at `level`), by code',
  })
  riskVillages(
    @Root() region: RegionRef,
    @Args() args: RiskVillagesArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<RiskJudgement>> {
    return riskVillages(ctx, region.code, args);
  }

  @FieldResolver(() => RiskSummary, {
    nullable: true, // fails alone: schema/src/nullable-extensions.ts
    description: '风险村研判汇总 — villages judged in a year, by level',
  })
  riskSummary(
    @Root() region: RegionRef,
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RiskSummary> {
    parseInput(anyRegionCode, region.code, 'code');
    return riskSummary(ctx, region.code, year);
  }
}
