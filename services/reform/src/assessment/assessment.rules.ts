import { z } from 'zod';
import { ruleIssue } from '@county/kit';
import { textRule, uuidRule, yearRule } from '@county/domain';

/** Indicator scores whose weights total 100, each indicator once: the total is their weighted sum. */
export const scoresRule = z
  .array(
    z.object({
      indicator: textRule(100),
      weight: z.number().gt(0, { message: 'must be more than 0' }).max(100),
      score: z
        .number()
        .min(0, { message: 'must be at least 0' })
        .max(100, { message: 'must be at most 100' }),
    }),
  )
  .min(1, { message: 'give at least one indicator' })
  .max(20)
  .superRefine((scores, ctx) => {
    const total = scores.reduce((sum, s) => sum + s.weight, 0);
    if (Math.abs(total - 100) > 1e-9)
      ctx.addIssue(ruleIssue('weight-total', `the weights total ${total}%, not 100%`));
    scores.forEach((s, i) => {
      if (scores.findIndex((other) => other.indicator === s.indicator) !== i)
        ctx.addIssue({ ...ruleIssue('distinct', 'names an indicator twice'), path: [i, 'indicator'] });
    });
  });

export const recordAssessmentRule = z.object({
  organizationId: uuidRule,
  year: yearRule,
  scores: scoresRule,
});

/** The weighted total, to one decimal, as the board shows it. */
export const weightedTotal = (scores: readonly { weight: number; score: number }[]) =>
  Math.round(scores.reduce((sum, s) => sum + (s.weight * s.score) / 100, 0) * 10) / 10;
