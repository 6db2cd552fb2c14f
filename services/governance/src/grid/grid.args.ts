import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { PageArgs } from '@county/kit';
import { GridLevel } from '../vocabulary';

@ArgsType()
export class GridsArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'In this region or below' })
  regionCode?: string;

  @Field(() => GridLevel, { nullable: true })
  level?: GridLevel;

  @Field(() => ID, { nullable: true, description: 'Directly below this grid' })
  parentId?: string;

  @Field(() => ID, { nullable: true, description: 'Served by this grid worker' })
  gridWorkerId?: string;
}

@InputType({ description: '新建网格 — a new grid; its code follows from the region and the next sequence' })
export class CreateGridInput {
  @Field(() => GridLevel, { description: '网格层级 — level' })
  level!: GridLevel;

  @Field({ description: '网格名称 — name' })
  name!: string;

  @Field(() => ID, { description: 'First level: a township; second and third: a village or community' })
  regionCode!: string;

  @Field(() => ID, {
    nullable: true,
    description: 'Required for levels 2 (a level-1 grid) and 3 (a level-2 grid)',
  })
  parentId?: string;

  @Field(() => [ID], { description: '网格员 — people in the directory' })
  gridWorkerIds!: string[];

  @Field(() => Int, { description: '覆盖户数 — households covered' })
  households!: number;

  @Field(() => String, { nullable: true, description: '对应警格 — the paired police grid' })
  policeGridCode?: string;
}

@InputType({ description: '修改网格 — change a grid; omitted fields stay as they are' })
export class UpdateGridInput {
  @Field({ nullable: true, description: '网格名称 — name' })
  name?: string;

  @Field(() => [ID], { nullable: true, description: '网格员 — people in the directory' })
  gridWorkerIds?: string[];

  @Field(() => Int, { nullable: true, description: '覆盖户数 — households covered' })
  households?: number;

  @Field(() => String, { nullable: true, description: '对应警格 — the paired police grid; null clears it' })
  policeGridCode?: string | null;
}
