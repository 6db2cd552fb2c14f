import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { PageArgs } from '@county/kit';
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
