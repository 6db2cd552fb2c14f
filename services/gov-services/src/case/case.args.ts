import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgs } from '@county/kit';
import {
  ApplicantKind,
  CaseChannel,
  CaseEventKind,
  CaseResult,
  CaseStatus,
  SuspensionReason,
} from '../vocabulary';

@ArgsType()
export class ServiceCasesArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Handled in this region or anywhere below it' })
  regionCode?: string;

  @Field(() => ID, { nullable: true })
  itemId?: string;

  @Field(() => ID, { nullable: true })
  centreId?: string;

  @Field(() => CaseStatus, { nullable: true })
  status?: CaseStatus;
}

@InputType({ description: '收件登记 — register a case as received' })
export class RegisterCaseInput {
  @Field(() => ID)
  itemId!: string;

  @Field(() => ID)
  centreId!: string;

  @Field(() => CaseChannel)
  channel!: CaseChannel;

  @Field(() => ApplicantKind)
  applicantKind!: ApplicantKind;

  @Field(() => ID, { nullable: true, description: '代办员 — required for the PROXY channel' })
  proxyAgentId?: string;

  @Field({ description: '收件时间 — received at' })
  receivedAt!: Date;
}

@InputType({ description: '办件环节 — one event to append to a case' })
export class CaseEventInput {
  @Field(() => CaseEventKind)
  kind!: CaseEventKind;

  @Field({ description: 'When it happened (for SUSPENDED: the first day of the suspension)' })
  at!: Date;

  @Field(() => String, { nullable: true })
  note?: string;

  @Field(() => SuspensionReason, { nullable: true, description: 'SUSPENDED: why' })
  reason?: SuspensionReason;

  @Field({
    nullable: true,
    description: 'SUSPENDED: the last day, when recording a suspension that is already over',
  })
  until?: Date;

  @Field(() => Int, { nullable: true, description: 'EXTENDED: approved extra working days' })
  extensionDays?: number;

  @Field(() => CaseResult, { nullable: true, description: 'COMPLETED: result' })
  result?: CaseResult;

  @Field(() => Int, { nullable: true, description: 'COMPLETED: visits the applicant made' })
  visits?: number;

  @Field(() => Int, { nullable: true, description: 'RATED: 1–5' })
  score?: number;
}
