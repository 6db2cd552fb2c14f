import { z } from 'zod';
import { levelOfRegionCode } from '@county/domain';
import { ruleIssue } from '@county/kit';

export const uuidRule = z.uuid({ message: 'must be a UUID' });
export const regionCodeRule = z.string().superRefine((code, ctx) => {
  if (!levelOfRegionCode(code))
    ctx.addIssue(
      ruleIssue('format', 'must be a division code: 6 digits (city, county), 9 (township) or 12 (village)'),
    );
});
export const countyCodeRule = regionCodeRule.refine((code) => code.length === 6 && !code.endsWith('00'), {
  message: 'must be a county code (6 digits)',
  params: { rule: 'county' },
});
export const nameRule = (max: number) => z.string().trim().min(1, { message: 'must not be empty' }).max(max);
/** An instant (GraphQL DateTime); its China date must be in the working-day calendar, checked separately. */
export const instantRule = z.date({ message: 'must be a date-time' });
