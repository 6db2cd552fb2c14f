import { Field, Float, ID, InputType, Int } from 'type-graphql';

@InputType({ description: '指标得分 — the score on one assessment indicator' })
export class IndicatorScoreInput {
  @Field({ description: '指标 — the indicator' })
  indicator!: string;

  @Field(() => Float, { description: '权重 — its weight, percent; an assessment’s weights total 100' })
  weight!: number;

  @Field(() => Float, { description: '得分 — the score, 0–100' })
  score!: number;
}

@InputType({ description: '录入考核 — an organisation’s reform assessment for a year' })
export class RecordAssessmentInput {
  @Field(() => ID, { description: '单位 — an Organization of the directory' })
  organizationId!: string;

  @Field(() => Int, { description: '年度 — the year assessed' })
  year!: number;

  @Field(() => [IndicatorScoreInput])
  scores!: IndicatorScoreInput[];
}
