import { Entity, Index, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { SpecialGroup } from '../special-group/special-group.entity';

@Entity({ tableName: 'work_point' })
@Unique({ properties: ['year', 'number'] })
@Index({ properties: ['specialGroupId'] })
@ObjectType({ description: '工作要点 — an annual work point of the reform committee' })
export class WorkPoint {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '年度 — the year' })
  year!: number;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '序号 — its number in the year’s list' })
  number!: number;

  @Property({ type: 'text' })
  @Field({ description: '内容 — the work point' })
  title!: string;

  @ManyToOne(() => SpecialGroup, { mapToPk: true, fieldName: 'special_group_id', deleteRule: 'restrict' })
  specialGroupId!: string;
}
