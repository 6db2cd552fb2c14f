import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import type { RegionMapping } from '@county/domain';
import { PersonRole } from '../vocabulary';
import { CommunityPostType, Placement } from '../workforce/vocabulary';

/** The region and year the statistics are about; each field runs its own statement when it is asked for. */
@ObjectType({ description: '队伍统计 — workforce statistics of a region and everything below it' })
export class WorkforceStats {
  @Field(() => ID, { description: '区划代码 — the region' })
  regionCode!: string;

  /** Null: the latest year assessed in the region. */
  year!: number | null;

  /** Which regions the figures count in (the `regions` argument). */
  mapping!: RegionMapping;
}

@ObjectType({ description: '按角色人数 — people holding a role' })
export class WorkforceRoleCount {
  @Field(() => PersonRole)
  role!: PersonRole;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: '按岗位类别 — community workers of a post type' })
export class CommunityPostTypeCount {
  @Field(() => CommunityPostType)
  postType!: CommunityPostType;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: '按等级 — community workers of a level' })
export class CommunityLevelCount {
  @Field(() => Int)
  level!: number;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: '员额 — quotas of the communities, workers on the rolls and vacancies' })
export class CommunityQuotaStats {
  @Field(() => Int, { description: '设定员额的社区 — communities with a quota' })
  communities!: number;

  @Field(() => Int, { description: '员额 — quota, all communities together' })
  quota!: number;

  @Field(() => Int, { description: '在岗 — community workers on the rolls' })
  filled!: number;

  @Field(() => Int, {
    description: '空缺 — vacancies (each community’s quota minus its workers, never below 0)',
  })
  vacancies!: number;
}

/**
 * Grades are hr-only personal data: for anyone else the counts are null (`suppressed`) while fewer than
 * `STATS_MIN_GROUP_SIZE` people were assessed, since a village's few counts would name each cadre's grade.
 */
@ObjectType({ description: '考核等次分布 — assessments of a year by grade' })
export class AssessmentGradeDistribution {
  @Field(() => Int, { nullable: true, description: '年度 — the year counted; null when nobody was assessed' })
  year!: number | null;

  @Field(() => Int, { nullable: true, description: '优秀 — excellent; null when suppressed' })
  excellent!: number | null;

  @Field(() => Int, { nullable: true, description: '称职 — competent; null when suppressed' })
  competent!: number | null;

  @Field(() => Int, { nullable: true, description: '基本称职 — basically competent; null when suppressed' })
  basicallyCompetent!: number | null;

  @Field(() => Int, { nullable: true, description: '不称职 — incompetent; null when suppressed' })
  incompetent!: number | null;

  @Field({
    description:
      '已隐去 — true when the counts are withheld: fewer people were assessed than the smallest group shown to callers without hr',
  })
  suppressed!: boolean;
}

@ObjectType({ description: '培训覆盖 — who of the region’s people attended training' })
export class TrainingCoverage {
  @Field(() => Int, { description: '人员 — people working in the region' })
  people!: number;

  @Field(() => Int, { description: '参训人数 — people who attended at least one course' })
  peopleTrained!: number;

  @Field(() => Int, { description: '参训学时 — hours attended, all together' })
  hours!: number;

  @Field(() => Int, { description: '村干部 — village cadres' })
  villageCadres!: number;

  @Field(() => Int, { description: '参训村干部 — village cadres who attended at least one course' })
  villageCadresTrained!: number;

  @Field(() => Float, { description: '覆盖率 — peopleTrained / people (0 when nobody works here)' })
  coverage!: number;
}

@ObjectType({ description: '按安置方式 — departing cadres by placement' })
export class PlacementCount {
  @Field(() => Placement)
  placement!: Placement;

  @Field(() => Int)
  count!: number;
}
