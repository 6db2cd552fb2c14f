import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ApplicantKind, CaseChannel, CaseResult, CaseStatus, ServiceLevel } from '../vocabulary';

@Entity({ tableName: 'service_case' })
@Index({
  name: 'service_case_region_prefix_idx',
  expression:
    'create index "service_case_region_prefix_idx" on "service_case" ("region_code" text_pattern_ops, "received_at", "id")',
})
@Index({ properties: ['itemId', 'receivedAt', 'id'] })
@Index({ properties: ['centreId', 'receivedAt', 'id'] })
@Index({ properties: ['proxyAgentId', 'receivedAt', 'id'] })
@ObjectType({ description: '办件 — a case: one application for one service item at one centre' })
export class ServiceCase {
  [OptionalProps]?: 'calendarProvisional' | 'itemVersionNumber';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'uuid' })
  itemId!: string;

  /** The item's version in effect on the day it was received: its limits count for the case for good. */
  @Property({ type: 'int', fieldName: 'item_version', default: 1 })
  itemVersionNumber!: number;

  @Property({ type: 'uuid' })
  centreId!: string;

  @Property({ type: 'string', length: 12 })
  @Field(() => ID, { description: '办理地区划 — the region of the centre that handles it' })
  regionCode!: string;

  @Enum({ items: () => ServiceLevel })
  @Field(() => ServiceLevel, { description: '办理层级 — the level of that centre' })
  level!: ServiceLevel;

  @Enum({ items: () => CaseChannel })
  @Field(() => CaseChannel, { description: '渠道 — channel' })
  channel!: CaseChannel;

  @Property({ type: 'uuid', nullable: true })
  proxyAgentId!: string | null;

  @Enum({ items: () => ApplicantKind })
  @Field(() => ApplicantKind, { description: '申请人类型 — applicant kind' })
  applicantKind!: ApplicantKind;

  @Enum({ items: () => CaseStatus })
  @Field(() => CaseStatus, { description: '状态 — status' })
  status!: CaseStatus;

  @Property({ type: 'timestamptz' })
  @Field({ description: '收件时间 — received at' })
  receivedAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, {
    nullable: true,
    description: '受理时间 — accepted (materials complete; the clock starts)',
  })
  acceptedAt!: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => Date, { nullable: true, description: '办结时间 — completed at' })
  completedAt!: Date | null;

  @Property({ type: 'smallint', default: 0 })
  @Field(() => Int, { description: '批准延期 — approved extension in working days' })
  extensionDays: number = 0;

  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true, description: '办理时长 — working days, net of suspensions' })
  workingDays!: number | null;

  @Property({ type: 'boolean', nullable: true })
  @Field(() => Boolean, {
    nullable: true,
    description: '按时办结 — within the committed limit (+ extension)',
  })
  onTime!: boolean | null;

  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true, description: '跑动次数 — visits the applicant made' })
  visits!: number | null;

  @Property({ type: 'boolean', default: false })
  @Field({
    description:
      '按临时日历计算 — its working days and on-time flag count days of a year whose official holiday schedule is not entered yet (weekends and statutory holidays only); recomputed when it is',
  })
  calendarProvisional: boolean = false;

  @Enum({ items: () => CaseResult, nullable: true })
  @Field(() => CaseResult, { nullable: true, description: '办理结果 — result' })
  result!: CaseResult | null;
}
