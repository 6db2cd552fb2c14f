import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, PageArgs } from '@county/kit';
import { OutcomeForm, PilotField, PilotLevel, PilotStage } from '../vocabulary';

/** The filters of every pilot list (the top-level one, an organisation's, a person's, a region's). */
@ArgsType()
export class PilotListArgs extends PageArgs {
  @Field(() => PilotLevel, { nullable: true })
  level?: PilotLevel;

  @Field(() => PilotField, { nullable: true })
  field?: PilotField;

  @Field(() => PilotStage, { nullable: true })
  stage?: PilotStage;

  @Field(() => Int, { nullable: true, description: 'Approved in this year' })
  approvedYear?: number;

  @Field(() => Boolean, {
    nullable: true,
    description: '清理规范 — true: only pilots running without an approval document; false: only the others',
  })
  flaggedForCleanUp?: boolean;

  @Field(() => Boolean, {
    nullable: true,
    description: 'true: only pilots past their deadline and not yet accepted',
  })
  overdue?: boolean;

  @Field({ nullable: true, description: 'Name contains this text' })
  name?: string;
}

/** A list not already of one region takes a region too. */
@ArgsType()
export class PilotFilterArgs extends PilotListArgs {
  @Field(() => ID, { nullable: true, description: 'Runs in this region or anywhere below it' })
  regionCode?: string;
}

@ArgsType()
export class PilotsArgs extends PilotFilterArgs {
  @Field(() => ID, { nullable: true, description: 'Led by this organisation' })
  leadOrganizationId?: string;

  @Field(() => ID, { nullable: true, description: 'With this responsible leader' })
  leaderId?: string;
}

@InputType({ description: '登记试点 — a pilot entered in the pursuit ledger (争取台账)' })
export class CreatePilotInput {
  @Field()
  name!: string;

  @Field(() => PilotLevel)
  level!: PilotLevel;

  @Field(() => PilotField)
  field!: PilotField;

  @Field(() => ID, { description: '牵头单位 — the lead organisation' })
  leadOrganizationId!: string;

  @Field(() => [ID], { defaultValue: [], description: '参与单位 — participating organisations' })
  participatingOrganizationIds!: string[];

  @Field(() => ID, { description: '责任领导 — the responsible leader' })
  leaderId!: string;

  @Field(() => [ID], { description: '实施区域 — region codes where it runs' })
  regionCodes!: string[];

  @Field(() => DateScalar, { nullable: true })
  startsOn?: Date;

  @Field(() => DateScalar, { description: '完成时限 — deadline' })
  deadline!: Date;

  @Field({ description: '任务目标 — target' })
  target!: string;

  @Field(() => OutcomeForm)
  outcomeForm!: OutcomeForm;

  @Field(() => ID, { nullable: true, description: 'The pilot lead it came from' })
  leadId?: string;
}

@InputType({ description: '修改试点 — change a pilot; omitted fields stay as they are' })
export class UpdatePilotInput {
  @Field(() => Int, { description: 'The version you read' })
  version!: number;

  @Field({ nullable: true })
  name?: string;

  @Field(() => PilotField, { nullable: true })
  field?: PilotField;

  @Field(() => [ID], { nullable: true })
  participatingOrganizationIds?: string[];

  @Field(() => ID, { nullable: true })
  leaderId?: string;

  @Field(() => [ID], { nullable: true })
  regionCodes?: string[];

  @Field(() => DateScalar, { nullable: true })
  deadline?: Date;

  @Field({ nullable: true })
  target?: string;

  @Field(() => OutcomeForm, { nullable: true })
  outcomeForm?: OutcomeForm;

  @Field(() => String, {
    nullable: true,
    description: '批复文号 — supplies a missing approval document (清理规范); null clears it',
  })
  approvalDocumentNumber?: string | null;
}

/*
 * The stage moves. Their required fields are nullable in the schema so that a missing one is refused by
 * the service's own rule, naming the field, rather than by GraphQL's type check.
 */

@InputType({ description: '获批 — the pilot was approved by a higher level' })
export class ApprovePilotInput {
  @Field(() => Int)
  version!: number;

  @Field({ nullable: true, description: '批复单位 — required' })
  approvingBody?: string;

  @Field({ nullable: true, description: '批复文号 — without it the pilot is flagged for clean-up' })
  approvalDocumentNumber?: string;

  @Field(() => DateScalar, { nullable: true, description: '批复日期 — required' })
  approvedOn?: Date;
}

@InputType({ description: '启动实施 — work on the pilot started (it enters the work ledger)' })
export class StartPilotInput {
  @Field(() => Int)
  version!: number;

  @Field(() => DateScalar, { nullable: true, description: 'Defaults to the approval date' })
  startsOn?: Date;
}

@InputType({ description: '验收 — the pilot passed acceptance' })
export class AcceptPilotInput {
  @Field(() => Int)
  version!: number;

  @Field({ nullable: true, description: '验收单位 — required' })
  acceptingBody?: string;

  @Field(() => DateScalar, { nullable: true, description: '验收日期 — required' })
  acceptedOn?: Date;
}

@InputType({ description: '销号 — the pilot is closed' })
export class ClosePilotInput {
  @Field(() => Int)
  version!: number;

  @Field(() => DateScalar, { nullable: true, description: '销号日期 — required' })
  closedOn?: Date;
}
