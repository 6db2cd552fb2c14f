import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { ItemKind, ProcessingKind, ServiceLevel, VisitRequirement } from '../vocabulary';
import { MovedDown } from './moved-down';

@Entity({ tableName: 'service_item' })
@Index({ properties: ['regionCode', 'name', 'id'] })
@ObjectType({ description: '政务服务事项 — a service item of a county catalogue (实施清单)' })
@Directive('@key(fields: "id")')
export class ServiceItem {
  [OptionalProps]?:
    | 'createdAt'
    | 'version'
    | 'effectiveFrom'
    | 'retiredFrom'
    | 'powerId'
    | 'movedDown'
    | 'movedDownDocument'
    | 'movedDownOn';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'string', length: 6 })
  @Field(() => ID, { description: '所属县级区划 — the county whose catalogue lists the item' })
  regionCode!: string;

  @Property({ type: 'string', length: 40, unique: true })
  @Field({ description: '实施编码 — implementation code' })
  code!: string;

  @Property({ type: 'string', length: 200 })
  @Field({ description: '事项名称 — name' })
  name!: string;

  @Enum({ items: () => ItemKind })
  @Field(() => ItemKind, { description: '事项类型 — kind' })
  kind!: ItemKind;

  @Property({ type: 'uuid', index: true })
  responsibleOrganizationId!: string;

  @Enum({ items: () => ServiceLevel, array: true })
  @Field(() => [ServiceLevel], { description: '可办层级 — the levels it can be handled at' })
  levels!: ServiceLevel[];

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: '法定办结时限 — statutory limit in working days' })
  statutoryLimit!: number;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: '承诺办结时限 — committed limit in working days (≤ statutory)' })
  committedLimit!: number;

  @Enum({ items: () => ProcessingKind })
  @Field(() => ProcessingKind, { description: '即办件/承诺件 — on the spot or promised' })
  processing!: ProcessingKind;

  @Enum({ items: () => VisitRequirement })
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
  @Field(() => [ID], { description: '跨域通办 — regions it can be handled with across the border' })
  crossRegionPartners!: string[];

  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, {
    nullable: true,
    description: '目标时限 — a county target in working days (the "2440" kind)',
  })
  targetDays!: number | null;

  @Property({ type: 'smallint', nullable: true })
  @Field(() => Int, {
    nullable: true,
    description:
      '法定延期上限 — the most working days a case may be extended by, when a law or regulation sets the item its own cap; null: 行政许可法 第四十二条, 10 working days',
  })
  maxExtensionDays!: number | null;

  // the county's own decision, not a version of the item: cases keep nothing of it
  @Enum({ items: () => MovedDown, nullable: true })
  @Field(() => MovedDown, {
    nullable: true,
    description:
      '下沉方式 — how it came to be handled in the townships: 进驻 (an approval stationed in the township centres), 下放 (a public service moved down) or other; null: not moved down',
  })
  movedDown: MovedDown | null = null;

  @Property({ type: 'string', length: 200, nullable: true })
  @Field(() => String, { nullable: true, description: '下沉文件 — the document (文号) that moved it down' })
  movedDownDocument: string | null = null;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: '下沉日期 — the day it was moved down' })
  movedDownOn: string | null = null;

  /** 实施的行政权力 — the power (权责清单) exercised through this item; read as `power` (src/power/). */
  @Property({ type: 'uuid', nullable: true, index: true })
  powerId?: string | null;

  @Property({ type: 'date', default: '2000-01-01' })
  @Field(() => DateScalar, {
    description: '生效日期 — the day the version these fields show (its newest) takes effect; see `versions`',
  })
  effectiveFrom!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, {
    nullable: true,
    description: '取消日期 — retired: no case is received from this day on',
  })
  retiredFrom!: string | null;

  @Property({ version: true })
  @Field(() => Int, { description: '版本 — send it back with a change (optimistic locking)' })
  version!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
