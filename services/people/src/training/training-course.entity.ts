import { Entity, Enum, Index, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { Organization } from '../organization/organization.entity';
import { TrainingAudience } from '../workforce/vocabulary';

@Entity({ tableName: 'training_course' })
@Index({ properties: ['startsOn', 'id'] })
@ObjectType({ description: '培训班 — a training course' })
export class TrainingCourse {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'string', length: 200 })
  @Field({ description: '培训班名称 — title' })
  title!: string;

  @ManyToOne(() => Organization, {
    mapToPk: true,
    fieldName: 'organizer_id',
    index: true,
    deleteRule: 'restrict',
  })
  organizerId!: string;

  @Enum({ items: () => TrainingAudience })
  @Field(() => TrainingAudience, { description: '培训对象 — audience' })
  audience!: TrainingAudience;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '开班 — first day' })
  startsOn!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '结业 — last day' })
  endsOn!: string;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: '学时 — hours of the full course' })
  hours!: number;
}
