import { z } from 'zod';
import { regionCodeRule, validateCreditCode } from '@county/domain';
import { ruleIssue } from '@county/kit';

/* Field rules of government services; the ones every subgraph shares are in `@county/domain`. */

/** Service items are a county's: a 6-digit code not ending in 00 (rule `county`). */
export const countyCodeRule = regionCodeRule.refine((code) => code.length === 6 && !code.endsWith('00'), {
  message: 'must be a county code (6 digits)',
  params: { rule: 'county' },
});
/** An instant (GraphQL DateTime); its China date must be in the working-day calendar, checked separately. */
export const instantRule = z.date({ message: 'must be a date-time' });

/** A staff member's phone: a mainland mobile number or a landline with its area code (0518-87654321). */
export const staffPhoneRule = z.string().regex(/^(1[3-9]\d{9}|0\d{2,3}-\d{7,8})$/, {
  message: 'must be an 11-digit mobile number or a landline with its area code (0518-87654321)',
});

/** 统一社会信用代码 (GB 32100): 18 characters whose last is the check character of the first 17. */
export const creditCodeRule = z.string().superRefine((code, ctx) => {
  const result = validateCreditCode(code);
  if (!result.ok)
    ctx.addIssue(
      result.rule === 'format'
        ? ruleIssue(
            'format',
            'must be 18 characters of the GB 32100 alphabet (digits and A–Y without I, O, S, V, Z)',
          )
        : ruleIssue(
            'check-character',
            'the last character is not the GB 32100 check character of the first 17',
          ),
    );
});
