import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, PageArgs } from '@county/kit';
import { ItemKind, ProcessingKind, ServiceLevel, VisitRequirement } from '../vocabulary';
import { MovedDown } from './moved-down';

@ArgsType()
export class ServiceItemsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'The county whose catalogue to list' })
  regionCode?: string;

  @Field(() => ItemKind, { nullable: true })
  kind?: ItemKind;

  @Field(() => Boolean, { nullable: true })
  highFrequency?: boolean;

  @Field(() => VisitRequirement, { nullable: true })
  visitRequirement?: VisitRequirement;

  @Field({ nullable: true, description: 'Name contains this text' })
  name?: string;
}

@InputType({ description: '新增事项 — add an item to a county catalogue' })
export class CreateServiceItemInput {
  @Field(() => ID, { description: 'The county (6 digits)' })
  regionCode!: string;

  @Field()
  code!: string;

  @Field()
  name!: string;

  @Field(() => ItemKind)
  kind!: ItemKind;

  @Field(() => ID)
  responsibleOrganizationId!: string;

  @Field(() => [ServiceLevel])
  levels!: ServiceLevel[];

  @Field(() => Int)
  statutoryLimit!: number;

  @Field(() => Int)
  committedLimit!: number;

  @Field(() => ProcessingKind)
  processing!: ProcessingKind;

  @Field(() => VisitRequirement)
  visitRequirement!: VisitRequirement;

  @Field(() => Int)
  maxVisits!: number;

  @Field()
  onlineCapable!: boolean;

  @Field({ defaultValue: false })
  highFrequency!: boolean;

  @Field({ defaultValue: false })
  delegated!: boolean;

  @Field(() => [ID], { defaultValue: [] })
  crossRegionPartners!: string[];

  @Field(() => Int, { nullable: true })
  targetDays?: number;

  @Field(() => Int, {
    nullable: true,
    description:
      '法定延期上限 — its own statutory cap on extensions in working days (0–365); omit for the default 10',
  })
  maxExtensionDays?: number;

  @Field(() => DateScalar, {
    nullable: true,
    description: '生效日期 — in effect for cases received from this day (default today)',
  })
  effectiveFrom?: Date;

  @Field(() => MovedDown, {
    nullable: true,
    description: '下沉方式 — how it reached the townships, if it did',
  })
  movedDown?: MovedDown;

  @Field({ nullable: true, description: '下沉文件 — the document (文号); with movedDown' })
  movedDownDocument?: string;

  @Field(() => DateScalar, { nullable: true, description: '下沉日期 — with movedDown' })
  movedDownOn?: Date;
}

@InputType({
  description:
    '事项变更 — a new version of an item from a date: give the fields that change; cases received before keep theirs',
})
export class UpdateServiceItemInput {
  @Field(() => Int, { description: 'The `version` of the item you read' })
  version!: number;

  @Field(() => DateScalar, { description: '生效日期 — today or later; after the newest version’s date' })
  effectiveFrom!: Date;

  @Field({ nullable: true })
  name?: string;

  @Field(() => ItemKind, { nullable: true })
  kind?: ItemKind;

  @Field(() => ID, { nullable: true })
  responsibleOrganizationId?: string;

  @Field(() => [ServiceLevel], { nullable: true })
  levels?: ServiceLevel[];

  @Field(() => Int, { nullable: true })
  statutoryLimit?: number;

  @Field(() => Int, { nullable: true })
  committedLimit?: number;

  @Field(() => ProcessingKind, { nullable: true })
  processing?: ProcessingKind;

  @Field(() => VisitRequirement, { nullable: true })
  visitRequirement?: VisitRequirement;

  @Field(() => Int, { nullable: true })
  maxVisits?: number;

  @Field({ nullable: true })
  onlineCapable?: boolean;

  @Field({ nullable: true })
  highFrequency?: boolean;

  @Field({ nullable: true })
  delegated?: boolean;

  @Field(() => [ID], { nullable: true })
  crossRegionPartners?: string[];

  @Field(() => Int, {
    nullable: true,
    description: '目标时限 — the county target in working days; null clears it',
  })
  targetDays?: number | null;

  @Field(() => Int, {
    nullable: true,
    description: '法定延期上限 — its own cap on extensions in working days; null clears it (the default 10)',
  })
  maxExtensionDays?: number | null;
}

@InputType({ description: '事项取消 — retire an item from a date: no case is received from that day on' })
export class RetireServiceItemInput {
  @Field(() => Int, { description: 'The `version` of the item you read' })
  version!: number;

  @Field(() => DateScalar, { description: '取消日期 — today or later' })
  retiredFrom!: Date;
}

@InputType({
  description:
    '事项下沉 — record how an item came to be handled in the townships (进驻/下放/other); null movedDown clears it',
})
export class MoveServiceItemDownInput {
  @Field(() => Int, { description: 'The `version` of the item you read' })
  version!: number;

  @Field(() => MovedDown, { nullable: true })
  movedDown?: MovedDown;

  @Field({ nullable: true, description: '下沉文件 — the document (文号)' })
  movedDownDocument?: string;

  @Field(() => DateScalar, { nullable: true, description: '下沉日期 — the day it was moved down' })
  movedDownOn?: Date;
}
