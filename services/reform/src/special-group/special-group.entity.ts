import { Entity, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';

@Entity({ tableName: 'special_group' })
@ObjectType({ description: '专项小组 — a special group under the county reform committee' })
export class SpecialGroup {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'string', length: 40, unique: true })
  @Field({ description: '代号 — a short stable key, e.g. `rural`' })
  key!: string;

  @Property({ type: 'string', length: 100 })
  @Field({ description: '名称 — name, e.g. 农村综合改革专项小组' })
  name!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '排序 — its place in the committee’s list' })
  position!: number;

  /** 组长: the county leader who leads it (a Person of the directory). */
  @Property({ type: 'uuid', nullable: true })
  leaderId!: string | null;

  /** 成员单位: member organisations (Organizations of the directory). */
  @Property({ type: 'uuid[]' })
  memberOrganizationIds!: string[];
}
