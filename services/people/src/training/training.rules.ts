import { z } from 'zod';
import { ruleIssue } from '@county/kit';
import { dateOrIsoRule, regionCodeRule, textRule, uuidRule } from '@county/domain';
import { TrainingAudience } from '../workforce/vocabulary';

const hours = z.number().int().min(1).max(500);

export const createTrainingCourseRule = z
  .object({
    title: textRule(200),
    organizerId: uuidRule,
    audience: z.enum(TrainingAudience),
    startsOn: dateOrIsoRule,
    endsOn: dateOrIsoRule,
    hours,
  })
  .superRefine((course, ctx) => {
    if (course.endsOn < course.startsOn) {
      ctx.addIssue({
        ...ruleIssue('not-before-start', `must not be before startsOn (${course.startsOn})`),
        path: ['endsOn'],
      });
    }
  });

export const recordAttendanceRule = z.object({ courseId: uuidRule, personId: uuidRule, hours });

export const trainingCoursesArgsRule = z.object({ regionCode: regionCodeRule.nullish() });
