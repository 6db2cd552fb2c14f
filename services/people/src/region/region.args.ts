import { ArgsType, Field, ID, InputType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { RegionLevel } from '../vocabulary';

@ArgsType()
export class RegionsArgs {
  @Field(() => RegionLevel, { nullable: true, description: 'Only regions of this level' })
  level?: RegionLevel;

  @Field(() => ID, { nullable: true, description: 'Only the direct children of this region' })
  parentCode?: string;

  @Field(() => DateScalar, {
    nullable: true,
    description: '时点 — the regions as they were on this day (after merges: 撤乡并镇); default today',
  })
  asOf?: Date | null;

  @Field(() => Boolean, {
    nullable: true,
    description:
      '含已撤销 — every region ever recorded, merged and dissolved ones too (asOf is then ignored)',
  })
  includeDissolved?: boolean | null;
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
