import { Field, Float, Int, ObjectType } from 'type-graphql';
import { AdoptionLevel, PromotionKind } from '../outcome/outcome.vocabulary';

@ObjectType({ description: '按采纳层级 — outcomes adopted at one level' })
export class AdoptionLevelCount {
  @Field(() => AdoptionLevel)
  level!: AdoptionLevel;

  @Field(() => Int, { description: '成果数 — distinct outcomes adopted at this level in the year' })
  count!: number;
}

@ObjectType({ description: '按推介形式 — promotion items of one kind' })
export class PromotionKindCount {
  @Field(() => PromotionKind)
  kind!: PromotionKind;

  @Field(() => Int, { description: '数量 — items (a record may stand for several)' })
  count!: number;
}

@ObjectType({
  description:
    '改革抓手统计 — the year’s dispatch, inspections, bulletins, outcome library and promotion in a region and below',
})
export class ReformInstrumentStats {
  @Field(() => Int, { description: '年度 — the year' })
  year!: number;

  @Field(() => Int, { description: '调度轮次 — monthly dispatch rounds' })
  dispatchRounds!: number;

  @Field(() => Int, { description: '已汇总轮次 — rounds closed with their summary' })
  closedDispatchRounds!: number;

  @Field(() => Int, { description: '调度任务 — distinct key tasks dispatched' })
  dispatchedTasks!: number;

  @Field(() => Int, { description: '调度事项 — task-rounds (a task in one round)' })
  dispatchEntries!: number;

  @Field(() => Int, { description: '未报送 — task-rounds without a report' })
  unreportedEntries!: number;

  @Field(() => Float, { description: '报送覆盖率 — reported task-rounds, percent of all (0 without rounds)' })
  dispatchCoverage!: number;

  @Field(() => Int, { description: '督察次数 — inspections that visited the region' })
  inspections!: number;

  @Field(() => Int, { description: '被督察单位 — distinct townships and departments inspected' })
  inspectedOrganizations!: number;

  @Field(() => Int, { description: '通报期数 — bulletins issued' })
  bulletins!: number;

  @Field(() => Int, { description: '通报表扬 — units named as doing well' })
  commendedMentions!: number;

  @Field(() => Int, { description: '通报滞后 — units named as lagging' })
  laggingMentions!: number;

  @Field(() => Int, { description: '通报督办 — supervision orders issued from bulletins' })
  bulletinSupervisionOrders!: number;

  @Field(() => Int, { description: '改革成果 — outcomes and showcase cases entered' })
  outcomes!: number;

  @Field(() => Int, { description: '出圈项目 — outcomes selected as highlights' })
  selectedOutcomes!: number;

  @Field(() => [AdoptionLevelCount], { description: '按采纳层级 — every level listed' })
  outcomesByAdoptionLevel!: AdoptionLevelCount[];

  @Field(() => Int, { description: '复制推广镇数 — towns elsewhere that replicated a practice' })
  replicatedTowns!: number;

  @Field(() => Int, { description: '复制推广村数 — villages elsewhere that replicated a practice' })
  replicatedVillages!: number;

  @Field(() => Int, { description: '改革文件 — reform documents issued' })
  reformDocuments!: number;

  @Field(() => Int, { description: '配套文件 — implementing documents issued' })
  implementingDocuments!: number;

  @Field(() => [PromotionKindCount], { description: '宣传推介 — items per kind, every kind listed' })
  promotion!: PromotionKindCount[];
}
