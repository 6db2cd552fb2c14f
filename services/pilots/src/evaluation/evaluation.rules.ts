import { z } from 'zod';
import { ruleIssue } from '@county/kit';
import { textRule } from '@county/domain';
import { pastDateRule } from '../field-rules';

const count = z.number().int().min(0);

export const evaluationRule = z
  .object({
    evaluator: textRule(100),
    evaluatedOn: pastDateRule,
    questionnairesIssued: count.min(1),
    questionnairesReturned: count,
    answers: z.object({
      verySatisfied: count,
      satisfied: count,
      neutral: count,
      dissatisfied: count,
      veryDissatisfied: count,
    }),
    score: z.number().min(0).max(100),
  })
  .superRefine((input, ctx) => {
    if (input.questionnairesReturned > input.questionnairesIssued) {
      ctx.addIssue({
        ...ruleIssue(
          'max-issued',
          `more returned (${input.questionnairesReturned}) than issued (${input.questionnairesIssued})`,
        ),
        path: ['questionnairesReturned'],
      });
    }
    const answered = Object.values(input.answers).reduce((sum, n) => sum + n, 0);
    if (answered !== input.questionnairesReturned) {
      ctx.addIssue({
        ...ruleIssue(
          'sum-equals-returned',
          `the answers add up to ${answered}, not to the ${input.questionnairesReturned} returned`,
        ),
        path: ['answers'],
      });
    }
  });
