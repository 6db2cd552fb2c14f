import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '@county/kit';
import { GovernanceLevel, MediationOrganizationKind } from '../vocabulary';

@ArgsType()
export class MediationOrganizationsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'In this region or below' })
  regionCode?: string;

  @Field(() => MediationOrganizationKind, { nullable: true })
  kind?: MediationOrganizationKind;

  @Field(() => GovernanceLevel, { nullable: true })
  level?: GovernanceLevel;
}

@InputType({ description: '新建调解组织 — a new mediation organisation' })
export class CreateMediationOrganizationInput {
  @Field({ description: '名称 — name' })
  name!: string;

  @Field(() => MediationOrganizationKind, { description: '类别 — kind' })
  kind!: MediationOrganizationKind;

  @Field(() => GovernanceLevel, { description: 'Must agree with the region: village, township or county' })
  level!: GovernanceLevel;

  @Field(() => ID, { description: '所在区划 — the region it serves' })
  regionCode!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'The same organisation in the directory, where it has one',
  })
  organizationId?: string;
}
