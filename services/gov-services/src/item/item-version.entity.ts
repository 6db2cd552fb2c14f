import { Entity, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { ItemKind, ProcessingKind, ServiceLevel, VisitRequirement } from '../vocabulary';

/**
 * 事项版本 — what an item was from its effective date until the next version's: a case is handled under the
 * version in effect on the day it was received, for good (`ServiceCase.itemVersion`).
 */
@Entity({ tableName: 'service_item_version' })
@Unique({ name: 'service_item_version_effective_unique', properties: ['itemId', 'effectiveFrom'] })
@ObjectType({ description: '事项版本 — a version of a service item, in effect from its date' })
export class ServiceItemVersion {
  [OptionalProps]?: 'recordedAt';

  @PrimaryKey({ type: 'uuid' })
  itemId!: string;

  @PrimaryKey({ type: 'int' })
  @Field(() => Int, { description: '版本号 — 1 for the item as created, then one more per change' })
  version!: number;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '生效日期 — in effect for cases received from this day' })
  effectiveFrom!: string;

  @Property({ type: 'string', length: 200 })
  @Field({ description: '事项名称 — name' })
  name!: string;

  @Property({ type: 'text' })
  @Field(() => ItemKind, { description: '事项类型 — kind' })
  kind!: ItemKind;

  @Property({ type: 'uuid' })
  responsibleOrganizationId!: string;

  @Property({ type: 'array', columnType: 'text[]' })
  @Field(() => [ServiceLevel], { description: '可办层级 — the levels it can be handled at' })
  levels!: ServiceLevel[];

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: '法定办结时限 — statutory limit in working days' })
  statutoryLimit!: number;

  @Property({ type: 'smallint' })
  @Field(() => Int, {
    description: '承诺办结时限 — committed limit in working days: a case is on time within it (+ extension)',
  })
  committedLimit!: number;

  @Property({ type: 'text' })
  @Field(() => ProcessingKind, { description: '即办件/承诺件 — on the spot or promised' })
  processing!: ProcessingKind;

  @Property({ type: 'text' })
  @Field(() => VisitRequirement, { description: '跑动次数 — fully online, no visit or one visit' })
  visitRequirement!: VisitRequirement;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: '最多跑动次数 — most visits an applicant needs' })
  maxVisits!: number;

  @Property({ type: 'boolean' })
  @Field({ description: '可网办 — can be done online' })
  onlineCapable!: boolean;

  @Property({ type: 'boolean' })
  @Field({ description: '高频事项 — high-frequency item' })
  highFrequency!: boolean;

  @Property({ type: 'boolean' })
  @Field({ description: '下放乡镇 — delegated to townships' })
  delegated!: boolean;

  @Property({ type: 'array', columnType: 'text[]' })
  crossRegionPartners!: string[];

  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true, description: '目标时限 — a county target in working days' })
  targetDays!: number | null;

  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, { nullable: true, description: '法定延期上限 — its own cap on extensions; null: 10' })
  maxExtensionDays!: number | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  recordedAt: Date = new Date();
}
