import { Check, Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { Region } from '../region/region.entity';

/**
 * One edge of a region change: `predecessor` went on as (part of) `successor` from `effectiveOn`. A merge of
 * n regions is n edges into one successor (none for the one that absorbs the others and keeps its code);
 * the villages of a dissolved township, recoded under the successor, are edges of their own.
 */
@Entity({ tableName: 'region_succession' })
@Check({ name: 'region_succession_not_self', expression: 'predecessor_code <> successor_code' })
@ObjectType({ description: '区划变更 — one region continuing as (part of) another after a merge' })
export class RegionSuccession {
  @ManyToOne(() => Region, {
    primary: true,
    mapToPk: true,
    fieldName: 'predecessor_code',
    deleteRule: 'restrict',
  })
  @Field(() => String, { description: '原区划代码 — the region before the change' })
  predecessorCode!: string;

  @ManyToOne(() => Region, {
    primary: true,
    mapToPk: true,
    fieldName: 'successor_code',
    deleteRule: 'restrict',
  })
  @Index({ name: 'region_succession_successor_index' })
  @Field(() => String, { description: '现区划代码 — the region it continues as' })
  successorCode!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '生效日期 — the first day of the successor' })
  effectiveOn!: string;

  @Property({ type: 'string', length: 200 })
  @Field({ description: '批准文号 — the decision that made the change (e.g. 某政复〔2019〕12号)' })
  decisionDocument!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '批准日期 — the day of the decision' })
  decidedOn!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  recordedAt?: Date;
}
