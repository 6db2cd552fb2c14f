import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { Person } from '../person/person.entity';
import { Organization } from '../organization/organization.entity';

@Entity({ tableName: 'post' })
@ObjectType({ description: '任职 — a post a person holds or held: organisation, position, from/to' })
export class CadrePost {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @ManyToOne(() => Person, { mapToPk: true, fieldName: 'person_id', index: true, deleteRule: 'restrict' })
  personId!: string;

  @ManyToOne(() => Organization, { mapToPk: true, fieldName: 'organization_id', deleteRule: 'restrict' })
  organizationId!: string;

  @Property({ type: 'string', length: 100 })
  @Field({ description: '职务 — position' })
  position!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '任职时间 — from' })
  startedOn!: string;

  @Property({ type: 'date', nullable: true })
  @Field(() => DateScalar, { nullable: true, description: '免职时间 — to; null while the post is held' })
  endedOn!: string | null;
}
