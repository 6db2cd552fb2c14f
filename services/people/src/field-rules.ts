import { z } from 'zod';
import { isMobilePhone, levelOfRegionCode, validateCreditCode, validateIdNumber } from '@county/domain';
import { ruleIssue } from '@county/kit';

/** Field rules of the directory; each failure names its rule (`format`, `check-character` …). */
export const regionCodeRule = z.string().superRefine((code, ctx) => {
  if (!levelOfRegionCode(code)) {
    ctx.addIssue(
      ruleIssue('format', 'must be a division code: 6 digits (city, county), 9 (township) or 12 (village)'),
    );
  }
});

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
export const uuidRule = z.uuid({ message: 'must be a UUID' });
export const nameRule = (max: number) => z.string().trim().min(1, { message: 'must not be empty' }).max(max);
export const dateRule = z.iso.date({ message: 'must be a date YYYY-MM-DD' });
