import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { RegionLevel } from '../vocabulary';

@Entity({ tableName: 'region' })
@Index({
  name: 'region_code_prefix_idx',
  expression: 'create index "region_code_prefix_idx" on "region" ("code" text_pattern_ops)',
})
@ObjectType({
  description: '行政区划 — an administrative division: city, county, township, or village/community',
})
@Directive('@key(fields: "code")')
export class Region {
  @PrimaryKey({ type: 'string', length: 12 })
  @Field(() => ID, {
    description: '区划代码 — GB/T 2260 (6 digits) or statistical code (township 9, village 12)',
  })
  code!: string;

  @Property({ type: 'string', length: 100 })
  @Field({ description: '名称 — name' })
  @Directive('@shareable')
  name!: string;

  @Enum({ items: () => RegionLevel })
  @Field(() => RegionLevel, { description: '层级 — level' })
  @Directive('@shareable')
  level!: RegionLevel;

  @ManyToOne(() => Region, {
    mapToPk: true,
    nullable: true,
    fieldName: 'parent_code',
    index: true,
    deleteRule: 'restrict',
  })
  parentCode!: string | null;
}
