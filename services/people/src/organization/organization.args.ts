import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '@county/kit';
import { OrganizationType } from '../vocabulary';

@ArgsType()
export class OrganizationsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'In this region or anywhere below it' })
  regionCode?: string;

  @Field(() => OrganizationType, { nullable: true })
  type?: OrganizationType;

  @Field(() => ID, { nullable: true, description: 'Directly under this organisation' })
  parentId?: string;

  @Field({ nullable: true, description: 'Name contains this text' })
  name?: string;
}

@InputType({ description: '新建单位 — a new organisation' })
export class CreateOrganizationInput {
  @Field()
  name!: string;

  @Field(() => OrganizationType)
  type!: OrganizationType;

  @Field(() => ID, { description: 'The region it is located in' })
  regionCode!: string;

  @Field(() => ID, { nullable: true, description: 'The organisation it belongs to' })
  parentId?: string;

  @Field({ nullable: true, description: 'GB 32100 code; required except for village and community bodies' })
  creditCode?: string;
}

@InputType({ description: '修改单位 — change an organisation; omitted fields stay as they are' })
export class UpdateOrganizationInput {
  @Field({ nullable: true })
  name?: string;

  @Field(() => OrganizationType, { nullable: true })
  type?: OrganizationType;

  @Field(() => ID, { nullable: true })
  regionCode?: string;

  @Field(() => ID, { nullable: true, description: 'The organisation it belongs to; null clears it' })
  parentId?: string | null;

  @Field(() => String, {
    nullable: true,
    description: 'GB 32100 code; required except for village and community bodies; null clears it',
  })
  creditCode?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Its leader: a person of this organisation; null clears it',
  })
  leaderId?: string | null;
}
