import { declarePersonalFields, withheld } from '@county/kit';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { GovernanceLevel } from '../vocabulary';
import { Dispute } from '../dispute/dispute.entity';
import {
  DeadlineUnit,
  PetitionChannel,
  PetitionEscalation,
  PetitionResult,
  PetitionReviewOutcome,
  PetitionSatisfaction,
  PetitionStatus,
} from './petition-vocabulary';

/**
 * A petition (信访件) and where its handling stands. Deadlines are computed when the step that starts them is
 * recorded, from the time limits in force then, and kept: a later change of the limits does not move them.
 * Every change is in the audit trail, with the petitioners, subject and reply withheld like dispute parties.
 */
@Entity({ tableName: 'petition' })
@Index({
  name: 'petition_region_received_idx',
  expression:
    'create index "petition_region_received_idx" on "petition" ("region_code" text_pattern_ops, "received_at")',
})
@Index({ properties: ['receivedAt', 'id'] })
@ObjectType({ description: '信访件 — a petition (letter, visit, online or phone) and its handling' })
export class Petition {
  [OptionalProps]?: 'createdAt' | 'version' | 'extensionDays';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: '标识 — id' })
  id!: string;

  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @Enum({ items: () => PetitionChannel })
  @Field(() => PetitionChannel, { description: '信访形式 — letter, visit, online or phone' })
  channel!: PetitionChannel;

  @Property({ type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '登记时间 — received at' })
  receivedAt!: Date;

  /** Personal data: exposed by the resolver, masked unless the caller may read the petitioners. */
  @Property({ type: 'string', length: 500 })
  petitioners!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '信访人数 — how many people petitioned together' })
  petitionerCount!: number;

  /** Free text that names the petitioners: exposed by the resolver like `petitioners`. */
  @Property({ type: 'text' })
  subject!: string;

  @Enum({ items: () => PetitionEscalation, nullable: true })
  @Field(() => PetitionEscalation, {
    nullable: true,
    description: '越级访 — the higher level it was lodged with, skipping the county; null when not',
  })
  escalatedTo!: PetitionEscalation | null;

  @ManyToOne(() => Petition, { mapToPk: true, nullable: true, fieldName: 'repeat_of_id', index: true })
  repeatOfId!: string | null;

  @ManyToOne(() => Dispute, { mapToPk: true, nullable: true, fieldName: 'dispute_id', index: true })
  disputeId!: string | null;

  @Enum({ items: () => PetitionStatus, index: true })
  @Field(() => PetitionStatus, { description: '办理状态 — status' })
  status!: PetitionStatus;

  @Enum({ items: () => DeadlineUnit })
  @Field(() => DeadlineUnit, {
    description: '期限计算方式 — how its deadlines count days (the rule at registration)',
  })
  deadlineUnit!: DeadlineUnit;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '受理期限 — the last day to decide whether to accept it' })
  acceptBy!: string;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => GraphQLISODateTime, { nullable: true, description: '受理决定时间 — accepted or declined at' })
  decidedAt!: Date | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '不予受理理由 — why it was not accepted' })
  notAcceptedReason!: string | null;

  @Property({ type: 'uuid', nullable: true, index: true })
  handlingOrganizationId!: string | null;

  @Enum({ items: () => GovernanceLevel, nullable: true })
  @Field(() => GovernanceLevel, {
    nullable: true,
    description: '办理层级 — the level of the handling organisation',
  })
  handlingLevel!: GovernanceLevel | null;

  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true, description: '办理期限天数 — the reply limit in force at acceptance' })
  replyDays!: number | null;

  @Property({ type: 'smallint', default: 0 })
  @Field(() => Int, { description: '延长天数 — the extension granted (延期办理)' })
  extensionDays!: number;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '延期理由 — why the extension was granted' })
  extensionReason!: string | null;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, {
    nullable: true,
    description: '办理期限 — the last day to reply, with any extension',
  })
  replyBy!: string | null;

  @Property({ type: 'boolean', default: false })
  @Field({
    description:
      '按临时日历计算 — a deadline counts days of a year whose official holiday schedule is not known here yet (weekends and statutory holidays only)',
  })
  calendarProvisional: boolean = false;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => GraphQLISODateTime, { nullable: true, description: '办结时间 — replied at' })
  repliedAt!: Date | null;

  @Enum({ items: () => PetitionResult, nullable: true })
  @Field(() => PetitionResult, {
    nullable: true,
    description: '处理意见 — supported, explained or not supported',
  })
  result!: PetitionResult | null;

  /** The written reply names the petitioners: exposed by the resolver like `subject`. */
  @Property({ type: 'text', nullable: true })
  reply!: string | null;

  @Enum({ items: () => PetitionSatisfaction, nullable: true })
  @Field(() => PetitionSatisfaction, { nullable: true, description: '满意度评价 — the petitioner’s rating' })
  satisfaction!: PetitionSatisfaction | null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: '复查请求时间 — when the petitioner asked for a review of the reply',
  })
  reviewRequestedAt!: Date | null;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, {
    nullable: true,
    description: '复查期限 — the last day to give the review’s opinion',
  })
  reviewBy!: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: '复查时间 — when the review’s opinion was given',
  })
  reviewedAt!: Date | null;

  @Enum({ items: () => PetitionReviewOutcome, nullable: true })
  @Field(() => PetitionReviewOutcome, { nullable: true, description: '复查意见 — upheld or revised' })
  reviewOutcome!: PetitionReviewOutcome | null;

  /** The review's written opinion names the petitioners: exposed by the resolver like `reply`. */
  @Property({ type: 'text', nullable: true })
  reviewOpinion!: string | null;

  @Property({ type: 'integer', version: true })
  @Field(() => Int, { description: '版本 — send it back with a change; a stale one is refused' })
  version!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

// the audit trail keeps them masked for every reader without hr, as it does dispute parties
declarePersonalFields(Petition, {
  petitioners: withheld,
  subject: withheld,
  reply: withheld,
  reviewOpinion: withheld,
});
