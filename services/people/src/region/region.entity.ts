import { Check, Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { RegionLevel } from '../vocabulary';

@Entity({ tableName: 'region' })
@Check({
  name: 'region_validity_check',
  expression: 'valid_to is null or valid_from is null or valid_to >= valid_from',
})
@Index({
  name: 'region_code_prefix_idx',
  expression: 'create index "region_code_prefix_idx" on "region" ("code" text_pattern_ops)',
})
@ObjectType({
  description:
    '行政区划 — an administrative division: province, city, county, township, or village/community',
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

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, {
    nullable: true,
    description: '设立日期 — the first day the region exists; null: since before the records begin',
  })
  validFrom: string | null = null;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, {
    nullable: true,
    description: '撤销日期 — the last day the region existed (merged or dissolved); null: it exists today',
  })
  validTo: string | null = null;
}
