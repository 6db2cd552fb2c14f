import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgs } from '@county/kit';
import { ItemKind, ProcessingKind, ServiceLevel, VisitRequirement } from '../vocabulary';

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
}
