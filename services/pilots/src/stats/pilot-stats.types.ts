import { Field, Float, Int, ObjectType } from 'type-graphql';
import { PilotLevel, PilotStage } from '../vocabulary';

@ObjectType({ description: '分层级统计 — pilot figures of one level' })
export class PilotLevelStats {
  @Field(() => PilotLevel)
  level!: PilotLevel;

  @Field(() => Int, {
    description:
      '承担试点 — pilots carried in the statistics year: approved by its end, not closed (销号) before it began',
  })
  carried!: number;

  @Field(() => Int, { description: '当年新增 — approved in the statistics year' })
  newThisYear!: number;

  @Field(() => Int, { description: '当年销号 — closed in the statistics year' })
  closed!: number;

  @Field(() => Int, { description: '下发线索 — pilot leads issued in the statistics year' })
  leadsIssued!: number;

  @Field(() => Int, { description: '争取成功 — of those leads, the ones won' })
  leadsWon!: number;

  @Field(() => Float, {
    nullable: true,
    description: '争取成功率 — leads won / issued in the year (0–1); null without leads',
  })
  leadSuccessRate!: number | null;
}

@ObjectType({ description: '分阶段统计 — pilots at one stage' })
export class PilotStageCount {
  @Field(() => PilotStage)
  stage!: PilotStage;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: '层级×阶段 — pilots of one level at one stage' })
export class PilotLevelStageCount {
  @Field(() => PilotLevel)
  level!: PilotLevel;

  @Field(() => PilotStage)
  stage!: PilotStage;

  @Field(() => Int)
  count!: number;
}

@ObjectType({ description: '逐年获批 — pilots of one level approved in one year' })
export class PilotYearCount {
  @Field(() => Int)
  year!: number;

  @Field(() => PilotLevel)
  level!: PilotLevel;

  @Field(() => Int)
  count!: number;
}

@ObjectType({
  description: '改革试点统计 — pilot figures of a region and everything below it, computed in the database',
})
export class PilotStats {
  @Field(() => Int, {
    description:
      '统计年度 — the year carried, new, closed and leads count; stages, pursuing, overdue and clean-up are as of today',
  })
  year!: number;

  @Field(() => Int, {
    description:
      '承担试点 — pilots carried in the year, all levels: approved by its end, not closed (销号) before it began',
  })
  carried!: number;

  @Field(() => Int, { description: '争取中 — pilots being pursued today' })
  pursuing!: number;

  @Field(() => [PilotLevelStats], { description: 'Per level: national, provincial, municipal' })
  byLevel!: PilotLevelStats[];

  @Field(() => [PilotStageCount], { description: 'Per stage today, every stage listed' })
  byStage!: PilotStageCount[];

  @Field(() => [PilotLevelStageCount], {
    description: 'Per level and stage today, non-zero cells only',
  })
  byLevelAndStage!: PilotLevelStageCount[];

  @Field(() => [PilotYearCount], { description: '逐年新增 — approvals per year and level, oldest first' })
  approvedByYear!: PilotYearCount[];

  @Field(() => Int, { description: '下发线索 — pilot leads issued in the year' })
  leadsIssued!: number;

  @Field(() => Int, { description: '争取成功 — of the leads issued in the year, those won' })
  leadsWon!: number;

  @Field(() => Float, { nullable: true, description: '争取成功率 — won / issued in the year (0–1)' })
  leadSuccessRate!: number | null;

  @Field(() => Int, { description: '开展第三方评估的试点 — pilots evaluated' })
  evaluatedPilots!: number;

  @Field(() => Int, { description: '发放问卷 — questionnaires issued' })
  questionnairesIssued!: number;

  @Field(() => Int, { description: '回收问卷 — questionnaires returned' })
  questionnairesReturned!: number;

  @Field(() => Int, { description: '非常满意 — answers “very satisfied”' })
  verySatisfied!: number;

  @Field(() => Float, { nullable: true, description: '非常满意率 — very satisfied / returned (0–1)' })
  verySatisfiedShare!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: '满意率 — very satisfied and satisfied / returned (0–1)',
  })
  satisfiedShare!: number | null;

  @Field(() => Int, { description: '逾期 — pilots past their deadline and not yet accepted' })
  overduePilots!: number;

  @Field(() => Int, { description: '待清理规范 — pilots running without an approval document' })
  flaggedForCleanUp!: number;
}
