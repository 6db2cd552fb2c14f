import { ArgsType, Field, GraphQLISODateTime, ID, InputType, Int } from 'type-graphql';
import { DateScalar, PageArgs } from '@county/kit';
import { GovernanceLevel } from '../vocabulary';
import {
  PetitionChannel,
  PetitionEscalation,
  PetitionResult,
  PetitionReviewOutcome,
  PetitionSatisfaction,
  PetitionStatus,
} from './petition-vocabulary';

@ArgsType()
export class PetitionsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'In this region or below' })
  regionCode?: string;

  @Field(() => PetitionChannel, { nullable: true })
  channel?: PetitionChannel;

  @Field(() => PetitionStatus, { nullable: true })
  status?: PetitionStatus;

  @Field(() => DateScalar, { nullable: true, description: 'Received on or after this day (China time)' })
  receivedFrom?: Date;

  @Field(() => DateScalar, { nullable: true, description: 'Received on or before this day (China time)' })
  receivedTo?: Date;
}

@InputType({ description: '信访登记 — a petition received' })
export class RegisterPetitionInput {
  @Field(() => PetitionChannel, { description: '信访形式 — letter, visit, online or phone' })
  channel!: PetitionChannel;

  @Field(() => GraphQLISODateTime, { description: '登记时间 — received at; not in the future' })
  receivedAt!: Date;

  @Field(() => ID, { description: 'The county, township or village the matter arose in' })
  regionCode!: string;

  @Field({ description: '信访人 — the petitioners (or their representatives), as recorded' })
  petitioners!: string;

  @Field(() => Int, { description: '信访人数 — how many people; 5 or more make a group petition (集体访)' })
  petitionerCount!: number;

  @Field({ description: '信访事项 — what the petition asks' })
  subject!: string;

  @Field(() => PetitionEscalation, {
    nullable: true,
    description: '越级访 — the higher level it was lodged with, when it skipped the county',
  })
  escalatedTo?: PetitionEscalation;

  @Field(() => ID, { nullable: true, description: '重复访 — the earlier petition on the same matter' })
  repeatOfId?: string;

  @Field(() => ID, { nullable: true, description: '关联纠纷 — the dispute it came from or was taken up as' })
  disputeId?: string;
}

@InputType({ description: '受理 — accept a petition and name who handles it' })
export class AcceptPetitionInput {
  @Field(() => GraphQLISODateTime, { description: '受理时间 — not before it was received' })
  at!: Date;

  @Field(() => ID, { description: '办理单位 — the organisation that handles it' })
  handlingOrganizationId!: string;

  @Field(() => GovernanceLevel, { description: '办理层级 — that organisation’s level' })
  handlingLevel!: GovernanceLevel;

  @Field(() => Int, { description: '版本 — the version read' })
  version!: number;
}

@InputType({ description: '不予受理 — decline a petition, with the reason told to the petitioner' })
export class DeclinePetitionInput {
  @Field(() => GraphQLISODateTime, { description: '决定时间 — not before it was received' })
  at!: Date;

  @Field({ description: '不予受理理由 — e.g. 已经或者依法应当通过诉讼、仲裁、行政复议等途径解决' })
  reason!: string;

  @Field(() => Int, { description: '版本 — the version read' })
  version!: number;
}

@InputType({ description: '交办 — hand an accepted petition to another organisation' })
export class AssignPetitionInput {
  @Field(() => ID, { description: '办理单位 — the organisation that handles it from now' })
  organizationId!: string;

  @Field(() => GovernanceLevel, { description: '办理层级 — that organisation’s level' })
  level!: GovernanceLevel;

  @Field(() => Int, { description: '版本 — the version read' })
  version!: number;
}

@InputType({ description: '延期办理 — extend the reply deadline of an accepted petition' })
export class ExtendPetitionInput {
  @Field(() => Int, { description: '延长天数 — in all at most the county’s extension limit' })
  days!: number;

  @Field({ description: '延期理由 — told to the petitioner' })
  reason!: string;

  @Field(() => Int, { description: '版本 — the version read' })
  version!: number;
}

@InputType({ description: '办结答复 — reply to an accepted petition with the handling opinion' })
export class ReplyPetitionInput {
  @Field(() => GraphQLISODateTime, { description: '办结时间 — not before acceptance' })
  at!: Date;

  @Field(() => PetitionResult, { description: '处理意见 — supported, explained or not supported' })
  result!: PetitionResult;

  @Field({ description: '答复意见 — the written reply' })
  reply!: string;

  @Field(() => Int, { description: '版本 — the version read' })
  version!: number;
}

@InputType({ description: '复查请求 — the petitioner asks for a review of the reply' })
export class RequestPetitionReviewInput {
  @Field(() => GraphQLISODateTime, {
    description: '请求时间 — within the review request limit after the reply',
  })
  at!: Date;

  @Field(() => Int, { description: '版本 — the version read' })
  version!: number;
}

@InputType({ description: '复查意见 — the review’s opinion on the reply' })
export class PetitionReviewInput {
  @Field(() => GraphQLISODateTime, { description: '复查时间 — not before the request' })
  at!: Date;

  @Field(() => PetitionReviewOutcome, { description: '维持或变更 — upheld or revised' })
  outcome!: PetitionReviewOutcome;

  @Field({ description: '复查意见书 — the written opinion' })
  opinion!: string;

  @Field(() => Int, { description: '版本 — the version read' })
  version!: number;
}

@InputType({ description: '满意度评价 — the petitioner’s rating of the reply' })
export class PetitionSatisfactionInput {
  @Field(() => PetitionSatisfaction, { description: '满意、基本满意或不满意' })
  satisfaction!: PetitionSatisfaction;

  @Field(() => Int, { description: '版本 — the version read' })
  version!: number;
}

@InputType({ description: '重复访 / 关联纠纷 — link a petition to an earlier petition or to a dispute' })
export class LinkPetitionInput {
  @Field(() => ID, { nullable: true, description: '重复访 — the earlier petition on the same matter' })
  repeatOfId?: string;

  @Field(() => ID, { nullable: true, description: '关联纠纷 — the dispute it came from or was taken up as' })
  disputeId?: string;

  @Field(() => Int, { description: '版本 — the version read' })
  version!: number;
}
