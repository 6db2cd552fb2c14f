import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, PageArgs } from '@county/kit';
import { AssessmentGrade, Recommender, SecondmentFront } from '../workforce/vocabulary';

@ArgsType()
export class SecondmentsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Of cadres working in this region or below' })
  regionCode?: string;

  @Field(() => SecondmentFront, { nullable: true })
  front?: SecondmentFront;

  @Field({ nullable: true, description: 'Only secondments running today (true) or not (false)' })
  current?: boolean;
}

@InputType({ description: '新增挂职 — post a young cadre to a frontline unit (role hr)' })
export class CreateSecondmentInput {
  @Field(() => ID)
  personId!: string;

  @Field(() => ID, { description: 'The cadre’s own unit' })
  fromOrganizationId!: string;

  @Field(() => ID, { description: 'The frontline unit' })
  toOrganizationId!: string;

  @Field(() => SecondmentFront)
  front!: SecondmentFront;

  @Field(() => Recommender)
  recommendedBy!: Recommender;

  @Field(() => DateScalar)
  startsOn!: string;

  @Field(() => DateScalar, { description: 'After startsOn' })
  endsOn!: string;
}

@InputType({
  description: '修改挂职 — change the period or record the second assessment; omitted fields stay',
})
export class UpdateSecondmentInput {
  @Field(() => DateScalar, { nullable: true })
  startsOn?: string;

  @Field(() => DateScalar, { nullable: true })
  endsOn?: string;

  @Field(() => AssessmentGrade, {
    nullable: true,
    description: '二次考核等次 — grade of the second assessment; null clears it',
  })
  secondAssessmentGrade?: AssessmentGrade | null;

  @Field(() => Int, { nullable: true, description: '二次考核得分 — score, 0–100; null clears it' })
  secondAssessmentScore?: number | null;
}
