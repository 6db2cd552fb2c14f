import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgs } from '@county/kit';
import { AssessmentGrade } from '../workforce/vocabulary';

@ArgsType()
export class AssessmentsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Of people working in this region or below' })
  regionCode?: string;

  @Field(() => Int, { nullable: true })
  year?: number;

  @Field(() => AssessmentGrade, { nullable: true })
  grade?: AssessmentGrade;
}

@InputType({ description: '录入年度考核 — one per person and year (role hr)' })
export class CreateAnnualAssessmentInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => Int)
  year!: number;

  @Field(() => Int, { description: '0–100' })
  qualitativeScore!: number;

  @Field(() => Int, { description: '0–100' })
  quantitativeScore!: number;

  @Field(() => AssessmentGrade)
  grade!: AssessmentGrade;
}

@InputType({ description: '修改年度考核 — omitted fields stay' })
export class UpdateAnnualAssessmentInput {
  @Field(() => Int, { nullable: true })
  qualitativeScore?: number;

  @Field(() => Int, { nullable: true })
  quantitativeScore?: number;

  @Field(() => AssessmentGrade, { nullable: true })
  grade?: AssessmentGrade;
}
