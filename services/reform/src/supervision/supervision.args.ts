import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, PageArgs } from '@county/kit';
import { SupervisionStatus } from '../vocabulary';

@ArgsType()
export class SupervisionOrdersArgs extends PageArgs {
  @Field(() => Int, { nullable: true, description: 'Issued to tasks of this year' })
  year?: number;

  @Field(() => SupervisionStatus, { nullable: true })
  status?: SupervisionStatus;

  @Field(() => Boolean, { nullable: true, description: '逾期 — past the deadline and not rectified (true)' })
  overdue?: boolean;

  @Field(() => ID, { nullable: true, description: 'Issued to tasks led by this organisation' })
  leadOrganizationId?: string;
}

@InputType({ description: '下发督办单 — a supervision order for a lagging task' })
export class IssueSupervisionOrderInput {
  @Field(() => ID)
  taskId!: string;

  @Field({ description: '督办事由 — why' })
  reason!: string;

  @Field(() => DateScalar, { description: '整改期限 — rectification deadline, after today' })
  deadline!: string;
}

@InputType({ description: '督办反馈 — the lead organisation’s answer' })
export class AnswerSupervisionOrderInput {
  @Field({ description: '滞后原因分析 — cause analysis' })
  causeAnalysis!: string;

  @Field({ description: '整改措施 — measures' })
  measures!: string;
}
