import { z } from 'zod';
import { ruleIssue } from '@county/kit';
import { nameRule, regionCodeRule, uuidRule } from '../field-rules';
import { dayRule } from '../workforce/day-rule';
import { TrainingAudience } from '../workforce/vocabulary';

const hours = z.number().int().min(1).max(500);

export const createTrainingCourseRule = z
  .object({
    title: nameRule(200),
    organizerId: uuidRule,
    audience: z.enum(TrainingAudience),
    startsOn: dayRule,
    endsOn: dayRule,
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
