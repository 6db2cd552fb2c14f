import { z } from 'zod';
import { regionCodeRule } from '@county/domain';

/* Field rules of government services; the ones every subgraph shares are in `@county/domain`. */

/** Service items are a county's: a 6-digit code not ending in 00 (rule `county`). */
export const countyCodeRule = regionCodeRule.refine((code) => code.length === 6 && !code.endsWith('00'), {
  message: 'must be a county code (6 digits)',
  params: { rule: 'county' },
});
/** An instant (GraphQL DateTime); its China date must be in the working-day calendar, checked separately. */
export const instantRule = z.date({ message: 'must be a date-time' });
