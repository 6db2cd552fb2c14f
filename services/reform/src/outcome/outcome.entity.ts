import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { OutcomeKind } from './outcome.vocabulary';

@Entity({ tableName: 'outcome_criterion' })
@Unique({ properties: ['year', 'key'] })
@ObjectType({
  description: '出圈标准 — a criterion outcomes are judged against, set by the reform office per year',
})
export class OutcomeCriterion {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '年度 — the year it applies to' })
  year!: number;

  @Property({ type: 'string', length: 40 })
  @Field({ description: '标识 — its short key' })
  key!: string;

  @Property({ type: 'text' })
  @Field({ description: '标准 — the criterion' })
  name!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '序号 — its place in the list' })
  position!: number;
}

@Entity({ tableName: 'outcome' })
@Index({ properties: ['year', 'id'] })
@ObjectType({
  description: '改革成果 — a reform outcome or showcase case in the outcome library (改革成果库, 出圈项目库)',
})
export class Outcome {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '年度 — the year it was entered' })
  year!: number;

  @Property({ type: 'text' })
  @Field({ description: '名称 — title' })
  title!: string;

  @Enum({ items: () => OutcomeKind })
  @Field(() => OutcomeKind, { description: '类型 — outcome or showcase case' })
  kind!: OutcomeKind;

  @Property({ type: 'text' })
  @Field({ description: '主要做法 — what was done, what it achieved' })
  summary!: string;

  @Property({ type: 'string', length: 12 })
  @Field(() => ID, { description: '区划代码 — where it comes from' })
  regionCode!: string;

  /** 牵头单位: the organisation that produced it (an Organization of the directory); scored for adoptions. */
  @Property({ type: 'uuid' })
  leadOrganizationId!: string;

  /** The reform tasks it grew out of. */
  @Property({ type: 'uuid[]' })
  taskIds!: string[];

  /** The keys of its year's criteria it was judged to meet. */
  @Property({ type: 'text[]' })
  criteriaMet!: string[];

  @Property({ type: 'boolean' })
  @Field({ description: '入选出圈项目库 — selected as a highlight for promotion' })
  selected!: boolean;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: '评定日期 — judged on' })
  judgedOn!: string | null;

  @Property({ version: true, type: 'integer' })
  @Field(() => Int, {
    description: '版本 — send it back with a change: a change made since you read it refuses yours',
  })
  version!: number;
}
