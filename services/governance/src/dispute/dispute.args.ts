import { ArgsType, Field, Float, ID, InputType, Int, GraphQLISODateTime } from 'type-graphql';
import { DateScalar, PageArgs } from '@county/kit';
import {
  AgreementForm,
  DiscoveryChannel,
  DisputeAction,
  DisputeKind,
  DisputeStatus,
  GovernanceLevel,
  Referral,
  RiskColour,
} from '../vocabulary';

/** Filters shared by every list of disputes. */
@ArgsType()
export class DisputeFilterArgs extends PageArgs {
  @Field(() => DisputeKind, { nullable: true })
  kind?: DisputeKind;

  @Field(() => DisputeStatus, { nullable: true })
  status?: DisputeStatus;

  @Field(() => RiskColour, { nullable: true })
  riskColour?: RiskColour;

  @Field(() => DateScalar, { nullable: true, description: 'Reported on or after this day (China time)' })
  reportedFrom?: Date;

  @Field(() => DateScalar, { nullable: true, description: 'Reported on or before this day (China time)' })
  reportedTo?: Date;
}

@ArgsType()
export class DisputesArgs extends DisputeFilterArgs {
  @Field(() => ID, { nullable: true, description: 'In this region or below' })
  regionCode?: string;

  @Field(() => ID, { nullable: true })
  gridId?: string;

  @Field(() => ID, { nullable: true, description: 'Taken on by this mediation organisation' })
  organizationId?: string;

  @Field(() => ID, { nullable: true, description: 'Mediated by this person' })
  mediatorId?: string;
}

@InputType({ description: '登记纠纷 — a newly found dispute' })
export class RegisterDisputeInput {
  @Field(() => DisputeKind, { description: '纠纷类型 — kind' })
  kind!: DisputeKind;

  @Field(() => DiscoveryChannel, { description: '发现渠道 — how it came to notice' })
  channel!: DiscoveryChannel;

  @Field(() => GraphQLISODateTime, { description: '登记时间 — reported at; not in the future' })
  reportedAt!: Date;

  @Field(() => ID, {
    nullable: true,
    description: 'The township or village it arose in; defaults to the grid’s region',
  })
  regionCode?: string;

  @Field(() => ID, { nullable: true, description: 'The grid it was found in' })
  gridId?: string;

  @Field({ description: '当事人 — the parties, as recorded' })
  parties!: string;

  @Field(() => Int, { description: '当事人数 — how many parties' })
  partyCount!: number;

  @Field(() => Float, { nullable: true, description: '争议金额 — amount at stake, yuan' })
  amount?: number;

  @Field({ description: '纠纷简况 — what the dispute is about' })
  summary!: string;

  @Field(() => RiskColour, { description: '风险等级 — red, orange or yellow' })
  riskColour!: RiskColour;

  @Field(() => String, { nullable: true, description: '说明 — a note for the registration step' })
  note?: string;
}

@InputType({ description: '办理环节 — the next step of a dispute’s course' })
export class DisputeStepInput {
  @Field(() => DisputeAction, {
    description:
      'START_MEDIATION, RESOLVE, FAIL or REFER; CONVENE a dispute referred to JOINT_HANDLING (then RESOLVE or FAIL it, with its result as the note)',
  })
  action!: DisputeAction;

  @Field(() => GraphQLISODateTime, { description: '时间 — when; not before the previous step' })
  at!: Date;

  @Field(() => ID, {
    nullable: true,
    description:
      'The mediation organisation: required to start mediation and to resolve; to CONVENE, the county’s joint-handling centre',
  })
  organizationId?: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The mediator (a person with role MEDIATOR of the region)',
  })
  mediatorId?: string;

  @Field(() => GovernanceLevel, { nullable: true, description: 'Required to resolve' })
  resolutionLevel?: GovernanceLevel;

  @Field(() => AgreementForm, { nullable: true, description: 'Required to resolve' })
  agreementForm?: AgreementForm;

  @Field(() => Referral, { nullable: true, description: 'Required to refer' })
  referral?: Referral;

  @Field(() => [ID], {
    nullable: true,
    description:
      '参会部门 — required to CONVENE: the departments (organisations) taking part in the joint meeting',
  })
  departmentIds?: string[];

  @Field(() => String, { nullable: true, description: '说明 — note' })
  note?: string;
}
