import { z } from 'zod';
import { hasSomeValue, SOME_VALUE_MESSAGE, updateRule } from '@county/kit';
import { chinaYear, regionCodeRule, uuidRule } from '@county/domain';
import { AssessmentGrade } from '../workforce/vocabulary';

const score = z.number().int().min(0).max(100);
const scores = { qualitativeScore: score, quantitativeScore: score, grade: z.enum(AssessmentGrade) };

/** Years run from 2000 to the current one (in China): next year's assessment cannot exist yet. */
export const assessmentYearRule = z
  .number()
  .int()
  .min(2000)
  .refine((year) => year <= chinaYear(), { message: 'must not be in the future' });

export const createAssessmentRule = z.object({ personId: uuidRule, year: assessmentYearRule, ...scores });

/** An assessment requires its scores and grade: a null clears nothing and is refused as `required`. */
export const assessmentChangesRule = updateRule(z.object(scores).partial()).refine(
  hasSomeValue,
  SOME_VALUE_MESSAGE,
);

export const assessmentsArgsRule = z.object({
  regionCode: regionCodeRule.nullish(),
  year: assessmentYearRule.nullish(),
});

/** 考核结果运用: the grade decides the yearly bonus and whether the person may step up a level. */
export const bonusEligible = (grade: AssessmentGrade): boolean =>
  grade === AssessmentGrade.EXCELLENT || grade === AssessmentGrade.COMPETENT;
export const promotionEligible = (grade: AssessmentGrade): boolean => grade === AssessmentGrade.EXCELLENT;
