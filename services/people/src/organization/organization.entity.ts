import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { OrganizationType } from '../vocabulary';
import { Region } from '../region/region.entity';
import { Person } from '../person/person.entity';

@Entity({ tableName: 'organization' })
@Index({
  name: 'organization_region_prefix_idx',
  expression:
    'create index "organization_region_prefix_idx" on "organization" ("region_code" text_pattern_ops, "name", "id")',
})
@Index({ properties: ['name', 'id'] })
@ObjectType({
  description: '单位 — an organisation: Party and government bodies, townships, village committees …',
})
@Directive('@key(fields: "id")')
export class Organization {
  [OptionalProps]?: 'createdAt' | 'updatedAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'string', length: 200 })
  @Field({ description: '单位名称 — name' })
  // shared with the directory copies of the other subgraphs (@county/kit region-copy)
  @Directive('@shareable')
  name!: string;

  @Enum({ items: () => OrganizationType })
  @Field(() => OrganizationType, { description: '单位类型 — kind of organisation' })
  type!: OrganizationType;

  @ManyToOne(() => Region, { mapToPk: true, fieldName: 'region_code', deleteRule: 'restrict' })
  regionCode!: string;

  @ManyToOne(() => Organization, {
    mapToPk: true,
    nullable: true,
    fieldName: 'parent_id',
    index: true,
    deleteRule: 'restrict',
  })
  parentId!: string | null;

  @Property({ type: 'string', length: 18, nullable: true, unique: true })
  @Field(() => String, {
    nullable: true,
    description: '统一社会信用代码 — GB 32100 unified social credit code',
  })
  creditCode!: string | null;

  @ManyToOne(() => Person, { mapToPk: true, nullable: true, fieldName: 'leader_id', deleteRule: 'set null' })
  leaderId!: string | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
