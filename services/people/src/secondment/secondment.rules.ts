import { z } from 'zod';
import { hasSomeValue, ruleIssue, SOME_VALUE_MESSAGE, updateRule } from '@county/kit';
import { dateOrIsoRule, regionCodeRule, uuidRule } from '@county/domain';
import { AssessmentGrade, Recommender, SecondmentFront } from '../workforce/vocabulary';

const period = { startsOn: dateOrIsoRule, endsOn: dateOrIsoRule };

/** A secondment ending on or before the day it starts is refused, naming `endsOn`. */
const endsAfterStart = (value: { startsOn: string; endsOn: string }, ctx: z.RefinementCtx) => {
  if (value.endsOn <= value.startsOn) {
    ctx.addIssue({
      ...ruleIssue('after-start', `must be after startsOn (${value.startsOn})`),
      path: ['endsOn'],
    });
  }
};

export const createSecondmentRule = z
  .object({
    personId: uuidRule,
    fromOrganizationId: uuidRule,
    toOrganizationId: uuidRule,
    front: z.enum(SecondmentFront),
    recommendedBy: z.enum(Recommender),
    ...period,
  })
  .superRefine(endsAfterStart)
  .superRefine((value, ctx) => {
    if (value.toOrganizationId === value.fromOrganizationId) {
      ctx.addIssue({
        ...ruleIssue('not-same', 'a secondment goes to another unit than the cadre’s own'),
        path: ['toOrganizationId'],
      });
    }
  });

const assessment = {
  secondAssessmentGrade: z.enum(AssessmentGrade).nullish(),
  secondAssessmentScore: z.number().int().min(0).max(100).nullish(),
};

/** Only the second assessment may be cleared with null (not yet held): a secondment requires its period. */
export const secondmentChangesRule = updateRule(z.object({ ...period, ...assessment }).partial()).refine(
  hasSomeValue,
  SOME_VALUE_MESSAGE,
);

export const secondmentRule = z.object({ ...period, ...assessment }).superRefine(endsAfterStart);

export const secondmentsArgsRule = z.object({ regionCode: regionCodeRule.nullish() });
