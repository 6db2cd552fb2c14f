import { Field, Float, Int, ObjectType } from 'type-graphql';
import { PetitionChannel } from './petition-vocabulary';

@ObjectType({ description: '信访量 — petitions and people in a period, with the same period a year earlier' })
export class PetitionVolume {
  @Field(() => Int, { description: '件次 — petitions received' })
  received!: number;

  @Field(() => Int, {
    description: '人次 — people who petitioned (each petition’s petitioner count, summed)',
  })
  petitioners!: number;

  @Field(() => Int, {
    nullable: true,
    description: '上年同期件次 — a year earlier; null for periods over a year',
  })
  receivedYearAgo!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '上年同期人次 — a year earlier; null for periods over a year',
  })
  petitionersYearAgo!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      '件次同比 — (received − a year earlier) ÷ a year earlier, e.g. −0.292; null without a year earlier',
  })
  receivedChange!: number | null;

  @Field(() => Float, { nullable: true, description: '人次同比 — as receivedChange, for people' })
  petitionersChange!: number | null;
}

@ObjectType({ description: '按信访形式 — petitions of one channel' })
export class PetitionChannelVolume extends PetitionVolume {
  @Field(() => PetitionChannel, { description: '信访形式 — channel' })
  channel!: PetitionChannel;
}

@ObjectType({
  description: '按月 — petitions received in one month (China time), beside the same month a year earlier',
})
export class PetitionMonthVolume extends PetitionVolume {
  @Field({ description: 'YYYY-MM' })
  month!: string;
}

@ObjectType({
  description:
    '信访统计 — petitions received in a period in a region and everything below it, with where their handling stands now',
})
export class PetitionStats extends PetitionVolume {
  @Field(() => Int, { description: '已作受理决定 — accepted or declined' })
  decided!: number;

  @Field(() => Int, { description: '按期受理 — decided by the acceptance deadline' })
  decidedOnTime!: number;

  @Field(() => Float, { nullable: true, description: '按期受理率 — decidedOnTime ÷ decided (0–1)' })
  onTimeAcceptanceRate!: number | null;

  @Field(() => Int, { description: '受理 — accepted (whether replied or reviewed since)' })
  accepted!: number;

  @Field(() => Int, { description: '办结 — replied to' })
  replied!: number;

  @Field(() => Int, { description: '按期办结 — replied to by the reply deadline (with any extension)' })
  repliedOnTime!: number;

  @Field(() => Float, { nullable: true, description: '按期办结率 — repliedOnTime ÷ replied (0–1)' })
  onTimeReplyRate!: number | null;

  @Field(() => Int, { description: '重复访 — petitions repeating an earlier one' })
  repeats!: number;

  @Field(() => Float, { nullable: true, description: '重复访占比 — repeats ÷ received (0–1)' })
  repeatShare!: number | null;

  @Field(() => Int, { description: '集体访 — petitions of five or more people' })
  groups!: number;

  @Field(() => Int, { description: '越级访 — petitions lodged with a level above the county' })
  escalated!: number;

  @Field(() => Int, { description: '镇村两级办理 — accepted petitions handled at township or village level' })
  handledLocally!: number;

  @Field(() => Float, {
    nullable: true,
    description: '镇村两级办理占比 — handledLocally ÷ accepted (0–1)',
  })
  localHandlingShare!: number | null;

  @Field(() => Int, { description: '复查请求 — replies the petitioner asked to have reviewed (复查)' })
  reviewRequested!: number;

  @Field(() => Int, { description: '已评价 — replies the petitioner rated' })
  rated!: number;

  @Field(() => Float, {
    nullable: true,
    description: '满意率 — rated satisfied or basically satisfied ÷ rated (0–1)',
  })
  satisfactionRate!: number | null;

  @Field(() => [PetitionChannelVolume], { description: '按信访形式 — by channel (来信、来访、网上、电话)' })
  byChannel!: PetitionChannelVolume[];

  @Field(() => [PetitionMonthVolume], { description: '按月 — by month received' })
  byMonth!: PetitionMonthVolume[];

  @Field({
    description:
      '按临时日历计算 — some deadline counted here lies in a year whose official holiday schedule is not known yet: on-time figures may still move',
  })
  calendarProvisional!: boolean;
}
