import { Entity, ManyToOne, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Person } from '../person/person.entity';
import { TrainingCourse } from './training-course.entity';

@Entity({ tableName: 'training_attendance' })
@Unique({ properties: ['courseId', 'personId'] })
@ObjectType({ description: '参训记录 — a person’s attendance of a course, with the hours attended' })
export class TrainingAttendance {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @ManyToOne(() => TrainingCourse, { mapToPk: true, fieldName: 'course_id', deleteRule: 'restrict' })
  courseId!: string;

  @ManyToOne(() => Person, { mapToPk: true, fieldName: 'person_id', index: true, deleteRule: 'restrict' })
  personId!: string;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: '参训学时 — hours attended' })
  hours!: number;
}
