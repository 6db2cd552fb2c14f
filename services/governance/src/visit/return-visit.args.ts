import { Field, ID, InputType, GraphQLISODateTime } from 'type-graphql';

@InputType({ description: '督查回访 — a return visit to a resolved dispute' })
export class ReturnVisitInput {
  @Field(() => GraphQLISODateTime, { description: '回访时间 — not before the resolution' })
  visitedAt!: Date;

  @Field(() => ID, { description: 'Who visited: a person in the directory' })
  visitorId!: string;

  @Field({ description: '是否满意 — the parties were satisfied' })
  satisfied!: boolean;

  @Field({ description: '是否反复 — the dispute flared up again' })
  relapsed!: boolean;

  @Field(() => String, { nullable: true, description: '说明 — note' })
  note?: string;
}
