import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { assertPerformAction, badInput, parseInput, requireExisting } from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { Organization } from '../organization/organization.entity';
import { Person } from '../person/person.entity';
import { permissions } from '../permissions';
import { TrainingCourse } from './training-course.entity';
import { TrainingAttendance } from './training-attendance.entity';
import { CreateTrainingCourseInput, RecordAttendanceInput } from './training.args';
import { createTrainingCourseRule, recordAttendanceRule } from './training.rules';

@Resolver(() => TrainingCourse)
export class TrainingMutations {
  @Mutation(() => TrainingCourse, { description: '新建培训班 — role hr' })
  async createTrainingCourse(
    @Arg('input') input: CreateTrainingCourseInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TrainingCourse> {
    assertPerformAction(ctx, permissions, 'workforce.write');
    const data = parseInput(createTrainingCourseRule, input, 'input');
    await requireExisting(ctx, Organization, 'id', data.organizerId, 'input.organizerId');
    const course = ctx.em.create(TrainingCourse, { id: crypto.randomUUID(), ...data });
    await ctx.em.flush();
    return course;
  }

  @Mutation(() => TrainingAttendance, { description: '登记参训 — once per person and course (role hr)' })
  async recordTrainingAttendance(
    @Arg('input') input: RecordAttendanceInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TrainingAttendance> {
    assertPerformAction(ctx, permissions, 'workforce.write');
    const data = parseInput(recordAttendanceRule, input, 'input');
    const course = await requireExisting(ctx, TrainingCourse, 'id', data.courseId, 'input.courseId');
    await requireExisting(ctx, Person, 'id', data.personId, 'input.personId');
    if (data.hours > course.hours) {
      throw badInput('input.hours', 'max', `the course has ${course.hours} hours`);
    }
    if (await ctx.em.count(TrainingAttendance, { courseId: data.courseId, personId: data.personId })) {
      throw badInput('input.personId', 'unique', 'the attendance is recorded already');
    }
    const attendance = ctx.em.create(TrainingAttendance, { id: crypto.randomUUID(), ...data });
    await ctx.em.flush();
    return attendance;
  }
}
