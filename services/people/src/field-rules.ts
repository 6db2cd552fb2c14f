import { z } from 'zod';
import { isMobilePhone, validateCreditCode, validateIdNumber } from '@county/domain';
import { ruleIssue } from '@county/kit';

/**
 * Field rules of the directory's statutory codes; each failure names its rule (`format`, `check-character` …).
 * The rules every subgraph shares (UUIDs, region codes, dates, texts) are in `@county/domain`.
 */

export const creditCodeRule = z.string().superRefine((code, ctx) => {
  const result = validateCreditCode(code);
  if (!result.ok) {
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
  }
});

export const idNumberRule = z.string().superRefine((value, ctx) => {
  const result = validateIdNumber(value);
  if (!result.ok) {
    const messages = {
      format: 'must be 18 characters: 17 digits and a check digit (0–9 or X)',
      'birth-date': 'the birth date inside the number (characters 7–14) is not a real past date',
      'check-digit': 'the last character is not the GB 11643 check digit of the first 17',
    } as const;
    ctx.addIssue(ruleIssue(result.rule, messages[result.rule]));
  }
});

export const phoneRule = z
  .string()
  .refine(isMobilePhone, { message: 'must be an 11-digit mainland mobile number' });
