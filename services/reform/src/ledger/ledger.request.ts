import { z } from 'zod';
import { parseInput } from '@county/kit';
import { isoDateRule, regionCodeRule, yearRule } from '@county/domain';

/** The query parameters of the ledger routes and the options of the command, checked alike. */
export const exportRequestRule = z.object({
  year: z.coerce.number().pipe(yearRule),
  asOf: isoDateRule.optional(),
});

export const importRequestRule = z.object({
  year: z.coerce.number().pipe(yearRule),
  region: regionCodeRule,
});

export const parseLedgerRequest = <S extends z.ZodType>(
  rule: S,
  values: Record<string, string | undefined>,
) => parseInput(rule, values, '');
