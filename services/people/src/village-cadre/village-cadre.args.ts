import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { DateScalar, PageArgs } from '@county/kit';
import { Placement } from '../workforce/vocabulary';

@ArgsType()
export class DepartingCadresArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Of villages in this region or below' })
  regionCode?: string;

  @Field(() => Placement, { nullable: true })
  placement?: Placement;
}

@InputType({ description: '修改安置方案 — change a departing cadre’s placement plan; omitted fields stay' })
export class UpdatePlacementPlanInput {
  @Field(() => Placement, { nullable: true })
  placement?: Placement;

  @Field({ nullable: true, description: 'What the plan provides, up to 200 characters' })
  placementNote?: string;
}

@InputType({ description: '村干部任职 — a village cadre’s post and term of office (role hr)' })
export class CreateVillageCadreTermInput {
  @Field(() => ID, { description: 'The cadre: a person in the directory' })
  personId!: string;

  @Field(() => ID, { description: 'The village or community committee (村委会/居委会)' })
  organizationId!: string;

  @Field({ description: '职务 — the post, e.g. 党组织书记、村委会主任、委员; up to 100 characters' })
  position!: string;

  @Field(() => DateScalar, { description: '任期开始 — start of the term (the 换届 election)' })
  termStart!: string;

  @Field(() => DateScalar, { description: '任期届满 — end of the term: after the start, at most 5 years on' })
  termEnd!: string;

  @Field({ description: '新任 — first elected at this 换届' })
  newlyElected!: boolean;
}

@InputType({ description: '修改村干部任职 — correct a post or term; omitted fields stay' })
export class UpdateVillageCadreTermInput {
  @Field({ nullable: true })
  position?: string;

  @Field(() => DateScalar, { nullable: true })
  termStart?: string;

  @Field(() => DateScalar, { nullable: true })
  termEnd?: string;

  @Field({ nullable: true })
  newlyElected?: boolean;
}
