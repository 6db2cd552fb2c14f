import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, PageArgs } from '@county/kit';
import { LeadStatus, PilotLevel } from '../vocabulary';

@ArgsType()
export class PilotLeadFilterArgs extends PageArgs {
  @Field(() => PilotLevel, { nullable: true })
  level?: PilotLevel;

  @Field(() => LeadStatus, { nullable: true })
  status?: LeadStatus;

  @Field(() => ID, { nullable: true, description: 'Of an organisation in this region or below it' })
  regionCode?: string;

  @Field(() => Int, { nullable: true, description: 'Issued in this year' })
  issuedYear?: number;
}

@ArgsType()
export class PilotLeadsArgs extends PilotLeadFilterArgs {
  @Field(() => ID, { nullable: true, description: 'Handed to this organisation' })
  organizationId?: string;
}

@InputType({ description: '下发试点线索 — a pilot lead handed to an organisation' })
export class CreatePilotLeadInput {
  @Field()
  name!: string;

  @Field(() => PilotLevel, { description: 'NATIONAL or PROVINCIAL' })
  level!: PilotLevel;

  @Field({ description: '部署单位 — the higher-level body planning the pilot' })
  plannedBy!: string;

  @Field(() => ID, { description: 'The organisation asked to pursue it' })
  organizationId!: string;

  @Field(() => DateScalar)
  issuedOn!: Date;
}

@InputType({ description: '线索进展 — how the pursuit of a lead went' })
export class SetPilotLeadStatusInput {
  @Field(() => Int)
  version!: number;

  @Field(() => LeadStatus)
  status!: LeadStatus;
}
