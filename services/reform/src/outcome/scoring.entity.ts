import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { AdoptionLevel, ScoringBasis } from './outcome.vocabulary';

@Entity({ tableName: 'scoring_rule' })
@Unique({ properties: ['year', 'basis', 'level'] })
@ObjectType({ description: '加分规则 — bonus points per item on the results board (问效榜), set per year' })
export class ScoringRule {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '年度 — the year it applies to' })
  year!: number;

  @Enum({ items: () => ScoringBasis })
  @Field(() => ScoringBasis, { description: '加分依据 — lead won or outcome adopted' })
  basis!: ScoringBasis;

  @Enum({ items: () => AdoptionLevel })
  @Field(() => AdoptionLevel, { description: '层级 — the level of the pilot won or of the adoption' })
  level!: AdoptionLevel;

  @Property({ type: 'double' })
  @Field(() => Float, { description: '分值 — points per item' })
  points!: number;
}

@Entity({ tableName: 'lead_won' })
@Index({ properties: ['year', 'organizationId'] })
@ObjectType({
  description: '争取试点 — a pilot lead (试点线索) an organisation won, counted for bonus points',
})
export class LeadWon {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  /** The organisation that won it, an Organization of the directory. */
  @Property({ type: 'uuid' })
  organizationId!: string;

  /** Where the organisation was when it won (copied from the directory), for boards of one region. */
  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @Enum({ items: () => AdoptionLevel })
  @Field(() => AdoptionLevel, { description: '层级 — the pilot’s level (province or state)' })
  level!: AdoptionLevel;

  @Property({ type: 'text' })
  @Field({ description: '试点名称 — the pilot' })
  title!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '获批日期 — approved on' })
  wonOn!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '年度 — the year it scores in' })
  year!: number;
}
