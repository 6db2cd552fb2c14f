import { Entity, Enum, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { RiskLevel } from '../vocabulary';

/** The yearly judgement of a village's risk (风险村研判), with the county leader assigned to defuse it. */
@Entity({ tableName: 'risk_judgement' })
@Unique({ properties: ['regionCode', 'year'] })
@Index({
  name: 'risk_judgement_region_prefix_idx',
  expression:
    'create index "risk_judgement_region_prefix_idx" on "risk_judgement" ("year", "region_code" text_pattern_ops)',
})
@ObjectType({ description: '风险村研判 — a village’s risk judgement for one year' })
export class RiskJudgement {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: '标识 — id' })
  id!: string;

  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '年度 — year' })
  year!: number;

  @Enum({ items: () => RiskLevel })
  @Field(() => RiskLevel, { description: '风险等级 — level' })
  level!: RiskLevel;

  @Property({ type: 'string[]' })
  @Field(() => [String], { description: '研判理由 — reasons' })
  reasons!: string[];

  @Property({ type: 'uuid', nullable: true, index: true })
  leaderId!: string | null;
}
