import { Field, Float, Int, ObjectType } from 'type-graphql';
import { CaseChannel, ServiceLevel } from '../vocabulary';
import type { StatsPeriod } from './service-stats.query';

@ObjectType({ description: '月度办件量 — cases per calendar month' })
export class MonthCount {
  @Field({ description: 'YYYY-MM' })
  month!: string;

  @Field(() => Int, { description: '收件 — received' })
  received!: number;

  @Field(() => Int, { description: '办结 — completed' })
  completed!: number;
}

@ObjectType({ description: '分渠道办件量 — cases by channel' })
export class ChannelCount {
  @Field(() => CaseChannel)
  channel!: CaseChannel;

  @Field(() => Int)
  received!: number;
}

@ObjectType({ description: '分层级办件量 — cases by level of the centre' })
export class LevelCount {
  @Field(() => ServiceLevel)
  level!: ServiceLevel;

  @Field(() => Int)
  received!: number;
}

@ObjectType({ description: '高频事项排行 — an item in the top list' })
export class TopItem {
  /** Its `item` is loaded only when asked for (`top-lists.resolver.ts`). */
  itemId!: string;

  @Field(() => Int)
  received!: number;

  @Field(() => Int)
  completed!: number;

  @Field(() => Float, { nullable: true, description: '按时办结率 — on-time share of completed' })
  onTimeRate!: number | null;
}

@ObjectType({ description: '服务中心排行 — a centre in the top list' })
export class TopCentre {
  /** Its `centre` is loaded only when asked for (`top-lists.resolver.ts`). */
  centreId!: string;

  @Field(() => Int)
  received!: number;

  @Field(() => Int)
  completed!: number;

  @Field(() => Float, { nullable: true })
  onTimeRate!: number | null;
}

@ObjectType({
  description:
    '政务服务统计 — service statistics of a region and everything below it, for a period (from rollups)',
})
export class ServiceStats {
  @Field(() => Int, { description: '收件量 — cases received in the period' })
  received!: number;

  @Field(() => Int, { description: '办结量 — cases completed in the period' })
  completed!: number;

  @Field(() => Int, { description: '上年同期收件量 — received in the same period a year earlier' })
  receivedPreviousYear!: number;

  @Field(() => Float, {
    nullable: true,
    description: '同比增长 — year-on-year growth of received, e.g. 0.625',
  })
  yearOnYearGrowth!: number | null;

  @Field(() => [MonthCount], { description: '按月 — by calendar month' })
  byMonth!: MonthCount[];

  @Field(() => [ChannelCount], { description: '按渠道 — by channel' })
  byChannel!: ChannelCount[];

  @Field(() => [LevelCount], { description: '按层级 — by level' })
  byLevel!: LevelCount[];

  @Field(() => Int, { nullable: true, description: '办理时长中位数 — p50 of net working days' })
  p50WorkingDays!: number | null;

  @Field(() => Int, { nullable: true, description: '办理时长 80 分位 — p80 of net working days' })
  p80WorkingDays!: number | null;

  @Field(() => Float, { nullable: true, description: '按时办结率 — on-time share of completed' })
  onTimeRate!: number | null;

  @Field(() => Float, { nullable: true, description: '网办率 — online share of received' })
  onlineShare!: number | null;

  @Field(() => Float, { nullable: true, description: '最多跑一次率 — at most one visit, share of completed' })
  oneVisitShare!: number | null;

  @Field(() => Int, { description: '评价数 — ratings' })
  ratings!: number;

  @Field(() => Float, { nullable: true, description: '满意率 — share of ratings 4–5' })
  satisfactionShare!: number | null;

  @Field(() => Int, { description: '差评数 — bad reviews (1–2)' })
  badReviews!: number;

  @Field(() => Int, { description: '差评按期整改数 — bad reviews rectified by their deadline' })
  badReviewsRectifiedOnTime!: number;

  @Field(() => Int, { description: '目标事项办件 — completed cases of items with a county target' })
  targetCases!: number;

  @Field(() => Float, { nullable: true, description: '目标达成率 — share of those within the target' })
  targetAttainment!: number | null;

  @Field({
    description:
      '按临时日历计算 — true when the period reaches into a year whose official holiday schedule is not entered yet (or is being recomputed): working days, on-time and target figures may still move',
  })
  calendarProvisional!: boolean;

  /** The region and days asked for: the top lists (`service-stats.resolver.ts`) are read from it on demand. */
  period!: StatsPeriod;
}

/** The figures one statement reads (everything but the period and the top lists). */
export type ServiceStatsFigures = Omit<ServiceStats, 'period' | 'calendarProvisional'>;
