import { Entity, Enum, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { AdoptionLevel } from './outcome.vocabulary';
import { Outcome } from './outcome.entity';

@Entity({ tableName: 'outcome_adoption' })
@ObjectType({ description: '上级采纳 — a practice taken up by a higher level (city, province, state)' })
export class OutcomeAdoption {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @ManyToOne(() => Outcome, { mapToPk: true, fieldName: 'outcome_id', index: true, deleteRule: 'cascade' })
  outcomeId!: string;

  @Enum({ items: () => AdoptionLevel })
  @Field(() => AdoptionLevel, { description: '采纳层级 — the level' })
  level!: AdoptionLevel;

  @Property({ type: 'text' })
  @Field({ description: '采纳机关 — who took it up (a ministry, the provincial government …)' })
  adoptedBy!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '采纳日期 — when' })
  adoptedOn!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '年度 — the year of the adoption (the year it scores in)' })
  year!: number;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '采纳形式 — how (a rule, a document, a pilot)' })
  note!: string | null;
}

@Entity({ tableName: 'outcome_replication' })
@ObjectType({ description: '复制推广 — a practice replicated elsewhere: how many towns and villages' })
export class OutcomeReplication {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @ManyToOne(() => Outcome, { mapToPk: true, fieldName: 'outcome_id', index: true, deleteRule: 'cascade' })
  outcomeId!: string;

  @Property({ type: 'text' })
  @Field({ description: '推广范围 — where, as reported (e.g. 全省经济发达镇)' })
  scope!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '镇数 — towns that replicated it' })
  towns!: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '村数 — villages that replicated it' })
  villages!: number;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '统计日期 — recorded on' })
  recordedOn!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '年度 — the year recorded' })
  year!: number;
}
