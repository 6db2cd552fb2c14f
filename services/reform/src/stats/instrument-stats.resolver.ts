import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { regionCodePrefix, RegionMapping, yearRule } from '@county/domain';
import { parseInput, type SubgraphContext } from '@county/kit';
import { RegionRef } from '../directory';
import { AdoptionLevel, PromotionKind } from '../outcome/outcome.vocabulary';
import { round1 } from '../task/task-state';
import { ReformInstrumentStats } from './instrument-stats.types';
import { queryInstrumentStats, type InstrumentRow } from './instrument-stats.sql';

const n = (value: string | number | null | undefined) => Number(value ?? 0);

function toStats(row: InstrumentRow | undefined, year: number): ReformInstrumentStats {
  const entries = n(row?.entries);
  const reported = n(row?.reported);
  return {
    year,
    dispatchRounds: n(row?.rounds),
    closedDispatchRounds: n(row?.closed_rounds),
    dispatchedTasks: n(row?.tasks),
    dispatchEntries: entries,
    unreportedEntries: entries - reported,
    dispatchCoverage: entries ? round1((100 * reported) / entries) : 0,
    inspections: n(row?.inspections),
    inspectedOrganizations: n(row?.inspected_organizations),
    bulletins: n(row?.bulletins),
    commendedMentions: n(row?.commended),
    laggingMentions: n(row?.lagging),
    bulletinSupervisionOrders: n(row?.orders),
    outcomes: n(row?.outcomes),
    selectedOutcomes: n(row?.selected),
    outcomesByAdoptionLevel: Object.values(AdoptionLevel).map((level) => ({
      level,
      count: n(row?.adoptions?.[level]),
    })),
    replicatedTowns: n(row?.towns),
    replicatedVillages: n(row?.villages),
    reformDocuments: n(row?.reform_documents),
    implementingDocuments: n(row?.implementing_documents),
    promotion: Object.values(PromotionKind).map((kind) => ({ kind, count: n(row?.promotion?.[kind]) })),
  };
}

@Resolver(() => RegionRef)
export class InstrumentStatsResolver {
  @FieldResolver(() => ReformInstrumentStats, {
    // nullable: when this subgraph is down, the rest of the region (and the other domains) still answers
    nullable: true,
    description:
      '改革抓手统计 — the year’s monthly dispatch (coverage), inspections, bulletins, outcome library (by adoption level, replication), documents and promotion counts, here and below',
  })
  async reformInstrumentStats(
    @Root() region: RegionRef,
    @Arg('year', () => Int) year: number,
    @Ctx() ctx: SubgraphContext,
    @Arg('regions', () => RegionMapping, {
      nullable: true,
      defaultValue: RegionMapping.TODAY,
      description: '区划口径 — counted in today’s regions (merged ones included) or as recorded',
    })
    regions?: RegionMapping | null,
  ): Promise<ReformInstrumentStats> {
    parseInput(yearRule, year, 'year');
    if (!regionCodePrefix(region.code)) return toStats(undefined, year);
    const mapping = regions ?? RegionMapping.TODAY;
    // every region of one query level in one statement per mapping
    const loader = ctx.loaders.get<string, InstrumentRow | undefined>(
      `Region.reformInstrumentStats.${year}.${mapping}`,
      async (codes) => {
        const rows = await queryInstrumentStats(ctx, codes, year, mapping);
        return codes.map((code) => rows.find((row) => row.region === code));
      },
    );
    return toStats(await loader.load(region.code), year);
  }
}
