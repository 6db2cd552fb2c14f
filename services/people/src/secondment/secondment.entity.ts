import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar, declarePersonalFields, withheld } from '@county/kit';
import { Person } from '../person/person.entity';
import { Organization } from '../organization/organization.entity';
import { AssessmentGrade, Recommender, SecondmentFront } from '../workforce/vocabulary';

@Entity({ tableName: 'secondment' })
@Index({ properties: ['startsOn', 'id'] })
@ObjectType({ description: '挂职 — a young cadre posted to a frontline unit for a period' })
export class Secondment {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @ManyToOne(() => Person, { mapToPk: true, fieldName: 'person_id', index: true, deleteRule: 'restrict' })
  personId!: string;

  @ManyToOne(() => Organization, { mapToPk: true, fieldName: 'from_organization_id', deleteRule: 'restrict' })
  fromOrganizationId!: string;

  @ManyToOne(() => Organization, { mapToPk: true, fieldName: 'to_organization_id', deleteRule: 'restrict' })
  toOrganizationId!: string;

  @Enum({ items: () => SecondmentFront })
  @Field(() => SecondmentFront, { description: '挂职一线 — kind of frontline posting' })
  front!: SecondmentFront;

  @Enum({ items: () => Recommender })
  @Field(() => Recommender, { description: '推荐方 — who recommended the cadre (双向推荐)' })
  recommendedBy!: Recommender;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '挂职开始 — start' })
  startsOn!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '挂职结束 — end' })
  endsOn!: string;

  @Enum({ items: () => AssessmentGrade, nullable: true })
  secondAssessmentGrade!: AssessmentGrade | null;

  @Property({ type: 'smallint', nullable: true })
  secondAssessmentScore!: number | null;

  @Property({ version: true })
  @Field(() => Int, { description: '版本 — send it back with a change (optimistic locking)' })
  version!: number;
}

// hr-only in answers, so withheld in the audit trail too
declarePersonalFields(Secondment, { secondAssessmentGrade: withheld, secondAssessmentScore: withheld });
