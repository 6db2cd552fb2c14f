import { Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import {
  allOf,
  ConnectionType,
  entityLoader,
  pageRows,
  parseInput,
  type Page,
  type RowFilter,
} from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { Person } from '../person/person.entity';
import { Organization } from '../organization/organization.entity';
import { organizationInRegion, regionPattern } from '../workforce/region-filter';
import { TrainingCourse } from './training-course.entity';
import { TrainingAttendance } from './training-attendance.entity';
import { TrainingCoursesArgs } from './training.args';
import { trainingCoursesArgsRule } from './training.rules';

export const TrainingCourseConnection = ConnectionType(
  TrainingCourse,
  '培训班列表 — a page of training courses',
);

interface CourseTotals {
  attendees: number;
  hours: number;
}

/** Attendees and hours of each course: one grouped statement per tick, whatever the page size. */
function totalsLoader(ctx: SubgraphContext) {
  return ctx.loaders.get<string, CourseTotals>('TrainingAttendance.totalsByCourse', async (ids) => {
    const rows: ({ course_id: string } & CourseTotals)[] = await ctx.em
      .getConnection()
      .execute(
        'select course_id, count(*)::int as attendees, sum(hours)::int as hours from training_attendance where course_id in (?) group by course_id',
        [[...ids]],
      );
    const byId = new Map(rows.map((row) => [row.course_id, row]));
    return ids.map((id) => byId.get(id) ?? { attendees: 0, hours: 0 });
  });
}

@Resolver(() => TrainingCourse)
export class TrainingCourseResolver {
  @Query(() => TrainingCourseConnection, {
    description:
      '培训班列表 — courses by the organiser’s region (including below) and audience, earliest first',
  })
  trainingCourses(
    @Args() args: TrainingCoursesArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<TrainingCourse>> {
    parseInput(trainingCoursesArgsRule, args, '');
    const filters: RowFilter[] = [];
    if (args.regionCode)
      filters.push({ sql: organizationInRegion('c.organizer_id'), params: [regionPattern(args.regionCode)] });
    if (args.audience) filters.push({ sql: 'c.audience = ?', params: [args.audience] });
    return pageRows(ctx, TrainingCourse, 'c', allOf(...filters), args, 'startsOn', 'id');
  }

  @FieldResolver(() => Organization, { description: '主办单位 — the organiser' })
  organizer(@Root() course: TrainingCourse, @Ctx() ctx: SubgraphContext): Promise<Organization | null> {
    return entityLoader(ctx, Organization, 'id').load(course.organizerId);
  }

  @FieldResolver(() => Int, { description: '参训人数 — people who attended' })
  async attendeeCount(@Root() course: TrainingCourse, @Ctx() ctx: SubgraphContext): Promise<number> {
    return (await totalsLoader(ctx).load(course.id)).attendees;
  }

  @FieldResolver(() => Int, { description: '总学时 — hours attended, all attendees together' })
  async hoursAttended(@Root() course: TrainingCourse, @Ctx() ctx: SubgraphContext): Promise<number> {
    return (await totalsLoader(ctx).load(course.id)).hours;
  }
}

@Resolver(() => TrainingAttendance)
export class TrainingAttendanceResolver {
  @FieldResolver(() => TrainingCourse, { description: '培训班 — the course' })
  course(
    @Root() attendance: TrainingAttendance,
    @Ctx() ctx: SubgraphContext,
  ): Promise<TrainingCourse | null> {
    return entityLoader(ctx, TrainingCourse, 'id').load(attendance.courseId);
  }

  @FieldResolver(() => Person, { description: '学员 — the attendee' })
  person(@Root() attendance: TrainingAttendance, @Ctx() ctx: SubgraphContext): Promise<Person | null> {
    return entityLoader(ctx, Person, 'id').load(attendance.personId);
  }
}
