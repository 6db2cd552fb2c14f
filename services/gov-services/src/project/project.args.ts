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

  @Field(() => DateScalar, {
    nullable: true,
    description: '提前介入 — on or before the first submission; null clears it',
  })
  earlyInvolvementOn?: Date | null;

  @Field(() => ID, {
    nullable: true,
    description: '代办员 — a Person with the proxy agent role; null clears it',
  })
  proxyAgentId?: string | null;

  @Field(() => Int, { nullable: true, description: '目标时限 — the target in working days; null clears it' })
  targetDays?: number | null;
}

@InputType({
  description:
    '申报 — a step: the service case the project window accepted for one item of the county catalogue',
})
export class SubmitApprovalStepInput {
  @Field(() => Int, { description: 'The `version` of the project you read' })
  version!: number;

  @Field(() => ID, {
    nullable: true,
    description:
      '办件 — required: the step’s service case, accepted at a centre of the project’s county (its acceptance is the submission)',
  })
  caseId?: string;

  @Field(() => ID, {
    nullable: true,
    deprecationReason: 'The step takes its case’s item; if sent, it must be that item.',
  })
  itemId?: string;

  @Field(() => DateScalar, {
    nullable: true,
    deprecationReason: 'The step takes its case’s acceptance day; if sent, it must be that day.',
  })
  submittedOn?: Date;
}

@InputType({
  description: '批复 — the department approved the step: its service case is completed as approved',
})
export class ApproveApprovalStepInput {
  @Field(() => Int, { description: 'The `version` of the step you read' })
  version!: number;

  @Field(() => DateScalar, {
    description:
      '批复日期 — on or after the submission, not in the future; a case already completed keeps its own day, which this must equal',
  })
  approvedOn!: Date;
}
