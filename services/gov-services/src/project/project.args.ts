import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, PageArgs } from '@county/kit';
import { ProjectKind, ProjectStage } from './project-vocabulary';

@ArgsType()
export class InvestmentProjectsArgs extends PageArgs {
  @Field(() => ID, { description: 'Projects built in this region or below it' })
  regionCode!: string;

  @Field(() => ProjectStage, { nullable: true })
  stage?: ProjectStage;

  @Field(() => ProjectKind, { nullable: true })
  kind?: ProjectKind;
}

@InputType({ description: '项目登记 — take an investment project on for full-process proxy service' })
export class RegisterInvestmentProjectInput {
  @Field({ description: '项目代码 — 8–40 digits, capitals or hyphens' })
  code!: string;

  @Field()
  name!: string;

  @Field(() => ID, { description: '建设地点 — a township or village of the county (9 or 12 digits)' })
  regionCode!: string;

  @Field()
  enterpriseName!: string;

  @Field({ description: '统一社会信用代码 — 18 characters' })
  enterpriseCreditCode!: string;

  @Field(() => ProjectKind)
  kind!: ProjectKind;

  @Field(() => Int, { description: '总投资 — 万元, 1–100,000,000' })
  investment!: number;

  @Field({ defaultValue: false, description: '重大项目 — a major project' })
  major!: boolean;

  @Field(() => DateScalar, { description: '登记日期 — not in the future' })
  registeredOn!: Date;

  @Field(() => DateScalar, { nullable: true, description: '提前介入 — not in the future' })
  earlyInvolvementOn?: Date;

  @Field(() => ID, { nullable: true, description: '代办员 — a Person with the proxy agent role' })
  proxyAgentId?: string;

  @Field(() => Int, {
    nullable: true,
    description:
      '目标时限 — working days (1–365); default 40 for an industrial project ("2440"), none otherwise',
  })
  targetDays?: number;
}

@InputType({ description: '项目变更 — assign a proxy agent, record early involvement or a target' })
export class UpdateInvestmentProjectInput {
  @Field(() => Int, { description: 'The `version` of the project you read' })
  version!: number;

  @Field(() => DateScalar, { nullable: true, description: '提前介入 — on or before the first submission' })
  earlyInvolvementOn?: Date;

  @Field(() => ID, { nullable: true, description: '代办员 — a Person with the proxy agent role' })
  proxyAgentId?: string;

  @Field(() => Int, { nullable: true })
  targetDays?: number;
}

@InputType({ description: '申报 — a step submitted to a department for one service item' })
export class SubmitApprovalStepInput {
  @Field(() => Int, { description: 'The `version` of the project you read' })
  version!: number;

  @Field(() => ID, { description: 'The service item applied for, in the county catalogue' })
  itemId!: string;

  @Field(() => DateScalar, { description: '申报日期 — not before registration, not in the future' })
  submittedOn!: Date;
}

@InputType({ description: '批复 — the department approved the step' })
export class ApproveApprovalStepInput {
  @Field(() => Int, { description: 'The `version` of the step you read' })
  version!: number;

  @Field(() => DateScalar, { description: '批复日期 — on or after the submission, not in the future' })
  approvedOn!: Date;
}
