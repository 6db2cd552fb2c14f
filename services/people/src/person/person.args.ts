import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { DateScalar, PageArgs } from '@county/kit';
import { Gender, PersonRole } from '../vocabulary';

@ArgsType()
export class PeopleArgs extends PageArgs {
  @Field(() => ID, {
    nullable: true,
    description: 'Working in an organisation located in this region or below',
  })
  regionCode?: string;

  @Field(() => ID, { nullable: true })
  organizationId?: string;

  @Field(() => PersonRole, { nullable: true, description: 'Holding this role' })
  role?: PersonRole;

  @Field({ nullable: true, description: 'Name contains this text' })
  name?: string;
}

@InputType({ description: '新建人员 — a new person' })
export class CreatePersonInput {
  @Field()
  name!: string;

  @Field(() => Gender)
  gender!: Gender;

  @Field(() => DateScalar)
  birthDate!: string;

  @Field(() => [PersonRole])
  roles!: PersonRole[];

  @Field(() => ID)
  organizationId!: string;

  @Field()
  position!: string;

  @Field()
  phone!: string;

  @Field({ description: 'GB 11643 citizen ID number; must agree with birth date and gender' })
  idNumber!: string;
}

@InputType({ description: '修改人员 — change a person; omitted fields stay as they are' })
export class UpdatePersonInput {
  @Field({ nullable: true })
  name?: string;

  @Field(() => Gender, { nullable: true })
  gender?: Gender;

  @Field(() => DateScalar, { nullable: true })
  birthDate?: string;

  @Field(() => [PersonRole], { nullable: true })
  roles?: PersonRole[];

  @Field(() => ID, { nullable: true })
  organizationId?: string;

  @Field({ nullable: true })
  position?: string;

  @Field({ nullable: true })
  phone?: string;

  @Field({ nullable: true })
  idNumber?: string;
}
