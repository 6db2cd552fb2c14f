import { z } from 'zod';
import { ruleIssue } from '@county/kit';
import { chinaDay, textRule } from '@county/domain';

export const ledgerEntryRule = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month YYYY-MM' })
    .superRefine((month, ctx) => {
      if (month > chinaDay().slice(0, 7))
        ctx.addIssue(ruleIssue('not-future', 'a month that has not begun cannot be reported'));
    }),
  progress: textRule(4000),
  problems: textRule(4000).nullish(),
  nextSteps: textRule(4000).nullish(),
});
