import { Arg, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import { parseInput, PreparedRead, type SubgraphContext } from '@county/kit';
import { RegionMapping } from '@county/domain';
import { Region } from '../region/region.entity';
import { PersonRole } from '../vocabulary';
import { assessmentYearRule } from '../assessment/assessment.rules';
import { regionPattern } from '../workforce/region-filter';
import { AssessmentGrade, CommunityPostType, Placement } from '../workforce/vocabulary';
import { seesPersonalData } from '../permissions';
import { privacySettings } from '../privacy-settings';
import * as sql from './workforce-stats.sql';
import {
  AssessmentGradeDistribution,
  CommunityLevelCount,
  PlacementCount,
  CommunityPostTypeCount,
  CommunityQuotaStats,
  WorkforceRoleCount,
  TrainingCoverage,
  WorkforceStats,
} from './workforce-stats.types';

const SUPPRESSED_GRADES = {
  excellent: null,
  competent: null,
  basicallyCompetent: null,
  incompetent: null,
  suppressed: true,
} as const;

function run<T>(ctx: SubgraphContext, statement: string, params: unknown[]): Promise<T[]> {
  return ctx.em.getConnection().execute(statement, params);
}

const scope = (stats: WorkforceStats) => sql.scopeParameters(stats.regionCode, stats.mapping);

interface CommunityRow extends CommunityQuotaStats {
  code: string;
  by_post_type: CommunityPostTypeCount[];
  by_level: CommunityLevelCount[];
}

/** Community workers and quotas of every region a request asks for: a statement per level and mapping. */
function communityWorkforce(ctx: SubgraphContext, stats: WorkforceStats): Promise<CommunityRow> {
  return ctx.loaders
    .get<string, CommunityRow>(`WorkforceStats.community.${stats.mapping}`, async (codes) => {
      // planned once per connection: the patterns are a column here, so no plan could use one as a prefix
      const rows = await PreparedRead.of<CommunityRow>(sql.COMMUNITY_WORKFORCE).run(ctx.em, [
        `{${codes.join(',')}}`,
        `{${codes.map(regionPattern).join(',')}}`,
        stats.mapping,
      ]);
      const byCode = new Map(rows.map((row) => [row.code, row]));
      return codes.map((code) => byCode.get(code)!);
    })
    .load(stats.regionCode);
}

/** Counts of grouped rows by their value, for filling in the values no row had (count 0). */
function countsBy<K extends string>(rows: ({ count: number } & Record<K, string>)[], key: K) {
  const counts = new Map<string, number>(rows.map((row) => [row[key] as string, row.count]));
  return (value: string) => counts.get(value) ?? 0;
}

@Resolver(() => Region)
export class RegionWorkforceResolver {
  @FieldResolver(() => WorkforceStats, {
    // nullable: a failure here nulls the workforce figures alone, not the region every domain hangs off
    nullable: true,
    description:
      '队伍统计 — people, community workers, quotas, assessments, secondments and training of the region and below',
  })
  workforceStats(
    @Root() region: Region,
    @Arg('year', () => Int, {
      nullable: true,
      description: 'AnnualAssessment year; default the latest assessed',
    })
    year: number | null,
    @Arg('regions', () => RegionMapping, {
      nullable: true,
      defaultValue: RegionMapping.TODAY,
      description:
        '区划口径 — counted in today’s regions (organisations still recorded under a region merged into this one included) or as recorded',
    })
    mapping?: RegionMapping | null,
  ): WorkforceStats {
    if (year !== null && year !== undefined) parseInput(assessmentYearRule, year, 'year');
    return { regionCode: region.code, year: year ?? null, mapping: mapping ?? RegionMapping.TODAY };
  }
}

@Resolver(() => WorkforceStats)
export class WorkforceStatsResolver {
  @FieldResolver(() => [WorkforceRoleCount], {
    description: '按角色人数 — people working in the region, by role',
  })
  async peopleByRole(
    @Root() stats: WorkforceStats,
    @Ctx() ctx: SubgraphContext,
  ): Promise<WorkforceRoleCount[]> {
    const rows = await run<WorkforceRoleCount>(ctx, sql.PEOPLE_BY_ROLE, scope(stats));
    const count = countsBy(rows, 'role');
    return Object.values(PersonRole).map((role) => ({ role, count: count(role) }));
  }

  @FieldResolver(() => [CommunityPostTypeCount], {
    description: '社区工作者按岗位 — community workers by post type',
  })
  async communityWorkersByPostType(
    @Root() stats: WorkforceStats,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CommunityPostTypeCount[]> {
    const { by_post_type: rows } = await communityWorkforce(ctx, stats);
    const count = countsBy(rows, 'postType');
    return Object.values(CommunityPostType).map((postType) => ({ postType, count: count(postType) }));
  }

  @FieldResolver(() => [CommunityLevelCount], {
    description: '社区工作者按等级 — community workers by level (levels held only)',
  })
  async communityWorkersByLevel(
    @Root() stats: WorkforceStats,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CommunityLevelCount[]> {
    return (await communityWorkforce(ctx, stats)).by_level;
  }

  @FieldResolver(() => CommunityQuotaStats, {
    description: '员额 — quotas, workers on the rolls and vacancies',
  })
  async quota(@Root() stats: WorkforceStats, @Ctx() ctx: SubgraphContext): Promise<CommunityQuotaStats> {
    const { communities, quota, filled, vacancies } = await communityWorkforce(ctx, stats);
    return { communities, quota, filled, vacancies };
  }

  @FieldResolver(() => AssessmentGradeDistribution, {
    description: '考核等次分布 — the year’s assessments by grade',
  })
  async assessmentGrades(
    @Root() stats: WorkforceStats,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AssessmentGradeDistribution> {
    const rows = await run<{ year: number; grade: AssessmentGrade; count: number }>(ctx, sql.GRADES, [
      ...scope(stats),
      stats.year,
    ]);
    const count = countsBy(rows, 'grade');
    const year = rows[0]?.year ?? stats.year;
    const assessed = rows.reduce((sum, row) => sum + row.count, 0);
    if (assessed > 0 && assessed < privacySettings().STATS_MIN_GROUP_SIZE && !seesPersonalData(ctx)) {
      return { year, ...SUPPRESSED_GRADES };
    }
    return {
      year,
      excellent: count(AssessmentGrade.EXCELLENT),
      competent: count(AssessmentGrade.COMPETENT),
      basicallyCompetent: count(AssessmentGrade.BASICALLY_COMPETENT),
      incompetent: count(AssessmentGrade.INCOMPETENT),
      suppressed: false,
    };
  }

  @FieldResolver(() => Int, { description: '在挂职 — cadres of the region in a secondment today' })
  async cadresInSecondment(@Root() stats: WorkforceStats, @Ctx() ctx: SubgraphContext): Promise<number> {
    const [row] = await run<{ count: number }>(ctx, sql.IN_SECONDMENT_NOW, scope(stats));
    return row.count;
  }

  @FieldResolver(() => TrainingCoverage, {
    description: '培训覆盖 — training coverage of the region’s people',
  })
  async training(@Root() stats: WorkforceStats, @Ctx() ctx: SubgraphContext): Promise<TrainingCoverage> {
    const [row] = await run<Omit<TrainingCoverage, 'coverage'>>(ctx, sql.TRAINING, scope(stats));
    return { ...row, coverage: row.people ? row.peopleTrained / row.people : 0 };
  }

  @FieldResolver(() => [PlacementCount], {
    description: '离任村干部安置 — departing village cadres of the region by placement (each has one plan)',
  })
  async departingCadresByPlacement(
    @Root() stats: WorkforceStats,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PlacementCount[]> {
    const rows = await run<PlacementCount>(ctx, sql.DEPARTING_BY_PLACEMENT, scope(stats));
    const count = countsBy(rows, 'placement');
    return Object.values(Placement).map((placement) => ({ placement, count: count(placement) }));
  }
}
