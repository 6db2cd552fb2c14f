import { Field, Float, InputType, Int } from 'type-graphql';
import { DateScalar } from '@county/kit';

@InputType({ description: '满意度答卷 — answers by satisfaction level' })
export class SatisfactionAnswersInput {
  @Field(() => Int, { description: '非常满意' })
  verySatisfied!: number;

  @Field(() => Int, { description: '满意' })
  satisfied!: number;

  @Field(() => Int, { description: '一般' })
  neutral!: number;

  @Field(() => Int, { description: '不满意' })
  dissatisfied!: number;

  @Field(() => Int, { description: '非常不满意' })
  veryDissatisfied!: number;
}

@InputType({ description: '第三方评估 — an evaluation of a pilot' })
export class EvaluationInput {
  @Field()
  evaluator!: string;

  @Field(() => DateScalar)
  evaluatedOn!: Date;

  @Field(() => Int)
  questionnairesIssued!: number;

  @Field(() => Int)
  questionnairesReturned!: number;

  @Field(() => SatisfactionAnswersInput, { description: 'Must add up to the questionnaires returned' })
  answers!: SatisfactionAnswersInput;

  @Field(() => Float, { description: '评估得分 — 0–100' })
  score!: number;
}
