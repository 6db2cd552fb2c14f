import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, declarePersonalFields, withheld } from '@county/kit';
import { Person } from '../person/person.entity';
import { Organization } from '../organization/organization.entity';
import { CommunityPostType, Education } from '../workforce/vocabulary';

@Entity({ tableName: 'community_worker' })
@Unique({ properties: ['personId'] })
@ObjectType({ description: '社区工作者 — a community worker in the 三岗十八级 career system' })
export class CommunityWorker {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @ManyToOne(() => Person, { mapToPk: true, fieldName: 'person_id', deleteRule: 'restrict' })
  personId!: string;

  @ManyToOne(() => Organization, {
    mapToPk: true,
    fieldName: 'organization_id',
    index: true,
    deleteRule: 'restrict',
  })
  organizationId!: string;

  @Enum({ items: () => CommunityPostType })
  @Field(() => CommunityPostType, { description: '岗位类别 — post type' })
  postType!: CommunityPostType;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: '等级 — level, 1–18, within the post type’s range' })
  level!: number;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '参加社区工作时间 — started community work (seniority)' })
  hiredOn!: string;

  @Enum({ items: () => Education })
  education!: Education;

  @Property({ type: 'boolean', default: false })
  @Field({ description: '全科社工 — holds the all-round (全科/双全) certification' })
  allRoundCertified!: boolean;

  @Property({ version: true })
  @Field(() => Int, { description: '版本 — send it back with a change (optimistic locking)' })
  version!: number;
}

// hr-only in answers, so withheld in the audit trail too
declarePersonalFields(CommunityWorker, { education: withheld });
