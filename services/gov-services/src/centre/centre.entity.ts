import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { ServiceLevel } from '../vocabulary';

@Entity({ tableName: 'service_centre' })
@Index({
  name: 'service_centre_region_prefix_idx',
  expression:
    'create index "service_centre_region_prefix_idx" on "service_centre" ("region_code" text_pattern_ops, "name", "id")',
})
@ObjectType({ description: '政务服务中心 — a county centre, township centre or village service room' })
export class ServiceCentre {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  @Property({ type: 'string', length: 12 })
  @Field(() => ID, { description: '所在区划 — region code' })
  regionCode!: string;

  @Enum({ items: () => ServiceLevel })
  @Field(() => ServiceLevel, { description: '层级 — level' })
  level!: ServiceLevel;

  @Property({ type: 'string', length: 200 })
  @Field({ description: '名称 — name' })
  name!: string;

  @Property({ version: true })
  @Field(() => Int, { description: '版本 — send it back with a change (optimistic locking)' })
  version!: number;
}
