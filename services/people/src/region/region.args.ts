import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { RegionLevel } from '../vocabulary';

@ArgsType()
export class RegionsArgs {
  @Field(() => RegionLevel, { nullable: true, description: 'Only regions of this level' })
  level?: RegionLevel;

  @Field(() => ID, { nullable: true, description: 'Only the direct children of this region' })
  parentCode?: string;
}

@InputType({ description: '新建行政区划 — a new region; its level and parent follow from the code' })
export class CreateRegionInput {
  @Field(() => ID)
  code!: string;

  @Field()
  name!: string;
}

@InputType({ description: '修改行政区划 — rename a region' })
export class UpdateRegionInput {
  @Field()
  name!: string;
}
