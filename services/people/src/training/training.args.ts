import { ArgsType, Field, ID, InputType, Int } from 'type-graphql';
import { DateScalar, PageArgs } from '@county/kit';
import { TrainingAudience } from '../workforce/vocabulary';

@ArgsType()
export class TrainingCoursesArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'Organised in this region or below' })
  regionCode?: string;

  @Field(() => TrainingAudience, { nullable: true })
  audience?: TrainingAudience;
}

@InputType({ description: '新建培训班 — a training course (role hr)' })
export class CreateTrainingCourseInput {
  @Field()
  title!: string;

  @Field(() => ID)
  organizerId!: string;

  @Field(() => TrainingAudience)
  audience!: TrainingAudience;

  @Field(() => DateScalar)
  startsOn!: string;

  @Field(() => DateScalar, { description: 'On or after startsOn' })
  endsOn!: string;

  @Field(() => Int, { description: '1–500' })
  hours!: number;
}

@InputType({ description: '登记参训 — a person attended a course (role hr)' })
export class RecordAttendanceInput {
  @Field(() => ID)
  courseId!: string;

  @Field(() => ID)
  personId!: string;

  @Field(() => Int, { description: 'Hours attended, at most the course’s hours' })
  hours!: number;
}
