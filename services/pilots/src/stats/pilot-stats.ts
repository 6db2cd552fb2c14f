import { PreparedRead, regionScope, type SubgraphContext } from '@county/kit';
import { RegionMapping } from '@county/domain';
import { regionLike } from '../field-rules';
import { PilotLevel, PilotStage } from '../vocabulary';
import { PILOT_STATS_SQL } from './pilot-stats.sql';
import type { PilotStats } from './pilot-stats.types';

interface StatsRow {
  code: string;
  cells: { level: PilotLevel; stage: PilotStage; count: number }[];
  levels: { level: PilotLevel; carried: number; newThisYear: number; closed: number }[];
  years: { year: number; level: PilotLevel; count: number }[];
  leads: { level: PilotLevel; issued: number; won: number }[];
  evaluations: { pilots: number; issued: number; returned: number; verySatisfied: number; satisfied: number };
  overdue: number;
  flagged: number;
}

const share = (part: number, whole: number): number | null => (whole ? part / whole : null);
const sum = (counts: { count: number }[]): number => counts.reduce((total, cell) => total + cell.count, 0);

/** Shapes one region's row of figures (already counted in SQL) into the GraphQL type. */
function toStats(row: StatsRow, year: number): PilotStats {
  const leadsIssued = row.leads.reduce((total, lead) => total + lead.issued, 0);
  const leadsWon = row.leads.reduce((total, lead) => total + lead.won, 0);
  const { evaluations } = row;
  return {
    year,
    carried: row.levels.reduce((total, level) => total + level.carried, 0),
    pursuing: sum(row.cells.filter((cell) => cell.stage === PilotStage.PURSUING)),
    byLevel: Object.values(PilotLevel).map((level) => {
      const leads = row.leads.find((lead) => lead.level === level);
      const counted = row.levels.find((figures) => figures.level === level);
      return {
        level,
        carried: counted?.carried ?? 0,
        newThisYear: counted?.newThisYear ?? 0,
        closed: counted?.closed ?? 0,
        leadsIssued: leads?.issued ?? 0,
        leadsWon: leads?.won ?? 0,
        leadSuccessRate: share(leads?.won ?? 0, leads?.issued ?? 0),
      };
    }),
    byStage: Object.values(PilotStage).map((stage) => ({
      stage,
      count: sum(row.cells.filter((cell) => cell.stage === stage)),
    })),
    byLevelAndStage: row.cells,
    approvedByYear: row.years,
    leadsIssued,
    leadsWon,
    leadSuccessRate: share(leadsWon, leadsIssued),
    evaluatedPilots: evaluations.pilots,
    questionnairesIssued: evaluations.issued,
    questionnairesReturned: evaluations.returned,
    verySatisfied: evaluations.verySatisfied,
    verySatisfiedShare: share(evaluations.verySatisfied, evaluations.returned),
    satisfiedShare: share(evaluations.verySatisfied + evaluations.satisfied, evaluations.returned),
    overduePilots: row.overdue,
    flaggedForCleanUp: row.flagged,
  };
}

/**
 * `pilotStats` of every region a request asks for (a county and its townships …): one statement per
 * mapping. Each region counts over the LIKE patterns of its scope (kit `regionScope`: in today's regions,
 * the regions merged into it too).
 */
export function pilotStatsLoader(ctx: SubgraphContext, year: number, mapping = RegionMapping.TODAY) {
  return ctx.loaders.get<string, PilotStats>(`Region.pilotStats.${year}.${mapping}`, async (codes) => {
    const scope = codes.map((code) => ({
      code,
      patterns: regionScope(ctx, code, mapping).map(regionLike),
    }));
    // text that never changes: planned once per connection (region_codes is an array: no plan uses a prefix)
    const rows = await PreparedRead.of<StatsRow>(PILOT_STATS_SQL).run(ctx.em, [
      year,
      year,
      JSON.stringify(scope),
    ]);
    const byCode = new Map(rows.map((row) => [row.code, row]));
    return codes.map((code) => toStats(byCode.get(code)!, year));
  });
}
