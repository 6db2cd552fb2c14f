import { z } from 'zod';
import { parseInput } from '@county/kit';
import { dateRule, regionCodeRule, yearRule } from '../field-rules';

/** The query parameters of the ledger routes and the options of the command, checked alike. */
export const exportRequestRule = z.object({
  year: z.coerce.number().pipe(yearRule),
  asOf: dateRule.optional(),
});

export const importRequestRule = z.object({
  year: z.coerce.number().pipe(yearRule),
  region: regionCodeRule,
});

export const parseLedgerRequest = <S extends z.ZodType>(
  rule: S,
  values: Record<string, string | undefined>,
) => parseInput(rule, values, '');
