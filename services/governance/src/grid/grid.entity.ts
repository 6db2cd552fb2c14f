import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { GridLevel } from '../vocabulary';

/**
 * A grid of the 全要素网格化 system. A first-level grid covers a township, second- and third-level grids lie in
 * one village or community. Its code is the region code and a sequence within that region
 * (`990722001201-002`), so codes sort and group by place.
 */
@Entity({ tableName: 'grid' })
@Unique({ properties: ['regionCode', 'sequence'] })
@Index({
  name: 'grid_region_prefix_idx',
  expression:
    'create index "grid_region_prefix_idx" on "grid" ("region_code" text_pattern_ops, "code", "id")',
})
@Index({
  name: 'grid_workers_idx',
  expression: 'create index "grid_workers_idx" on "grid" using gin ("grid_worker_ids")',
})
@ObjectType({ description: '网格 — a grid of the grid-based governance system, at one of three levels' })
export class Grid {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: '标识 — id' })
  id!: string;

  @Property({ type: 'string', length: 20, unique: true })
  @Field({ description: '网格编码 — the region code and a sequence within that region' })
  code!: string;

  @Property({ type: 'integer' })
  sequence!: number;

  @Enum({ items: () => GridLevel })
  @Field(() => GridLevel, { description: '网格层级 — level' })
  level!: GridLevel;

  @Property({ type: 'string', length: 100 })
  @Field({ description: '网格名称 — name' })
  name!: string;

  @ManyToOne(() => Grid, { mapToPk: true, nullable: true, fieldName: 'parent_id', index: true })
  parentId!: string | null;

  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @Property({ type: 'string[]' })
  gridWorkerIds!: string[];

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '覆盖户数 — households covered' })
  households!: number;

  @Property({ type: 'string', length: 32, nullable: true })
  @Field(() => String, {
    nullable: true,
    description: '对应警格 — the police grid it is paired with (网格+警格)',
  })
  policeGridCode!: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}
