import { Entity, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, Float, ID, Int, ObjectType } from 'type-graphql';

@ObjectType({ description: '考核指标得分 — the score on one assessment indicator' })
export class IndicatorScore {
  @Field({ description: '指标 — the indicator' })
  indicator!: string;

  @Field(() => Float, { description: '权重 — its weight, in percent of the total' })
  weight!: number;

  @Field(() => Float, { description: '得分 — the score, 0–100' })
  score!: number;
}

@Entity({ tableName: 'assessment' })
@Unique({ properties: ['organizationId', 'year'] })
@Index({ properties: ['year', 'total'] })
@Index({
  name: 'assessment_year_region_prefix_idx',
  expression:
    'create index "assessment_year_region_prefix_idx" on "assessment" ("year", "region_code" text_pattern_ops)',
})
@ObjectType({ description: '改革考核 — the reform assessment of one organisation for one year' })
export class Assessment {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  /** The organisation assessed (an Organization of the directory). */
  @Property({ type: 'uuid' })
  organizationId!: string;

  /** Where the organisation was when assessed (copied from the directory), for boards of one region. */
  @Property({ type: 'string', length: 12, nullable: true })
  regionCode?: string | null;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '年度 — the year' })
  year!: number;

  @Property({ type: 'jsonb' })
  @Field(() => [IndicatorScore], { description: '指标得分 — the indicator scores with their weights' })
  scores!: IndicatorScore[];

  /** The weighted sum of the scores, kept with them so the board ranks in SQL. */
  @Property({ type: 'double' })
  @Field(() => Float, { description: '总分 — the weighted total, 0–100' })
  total!: number;

  @Property({ version: true, type: 'integer' })
  @Field(() => Int, {
    description: '版本 — send it back with a correction: a change made since you read it refuses yours',
  })
  version!: number;
}
