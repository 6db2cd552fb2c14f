import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { declarePersonalFields, withheld } from '@county/kit';
import { Person } from '../person/person.entity';
import { AssessmentGrade } from '../workforce/vocabulary';

@Entity({ tableName: 'assessment' })
@Unique({ properties: ['personId', 'year'] })
@ObjectType({ description: '年度考核 — a person’s yearly assessment (personal data: hr only)' })
export class AnnualAssessment {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @ManyToOne(() => Person, { mapToPk: true, fieldName: 'person_id', deleteRule: 'restrict' })
  personId!: string;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: '考核年度 — year assessed' })
  year!: number;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: '定性评价得分 — qualitative score, 0–100' })
  qualitativeScore!: number;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: '定量考核得分 — quantitative score, 0–100' })
  quantitativeScore!: number;

  @Enum({ items: () => AssessmentGrade })
  @Field(() => AssessmentGrade, { description: '考核等次 — grade' })
  grade!: AssessmentGrade;

  @Property({ version: true })
  @Field(() => Int, { description: '版本 — send it back with a change (optimistic locking)' })
  version!: number;
}

// hr-only in answers, so withheld in the audit trail too
declarePersonalFields(AnnualAssessment, {
  qualitativeScore: withheld,
  quantitativeScore: withheld,
  grade: withheld,
});
