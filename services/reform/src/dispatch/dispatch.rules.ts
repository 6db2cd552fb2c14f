import { z } from 'zod';
import { dateOrIsoRule, regionCodeRule, textRule, uuidRule, yearRule } from '@county/domain';

export const monthRule = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, { message: 'must be a month as YYYY-MM' });

/** A round dispatches at most the province's list of key tasks (30 in the source), with room to spare. */
export const MAX_TASKS_PER_ROUND = 100;

export const openRoundRule = z.object({
  month: monthRule,
  regionCode: regionCodeRule,
  taskIds: z.array(uuidRule).min(1, { message: 'give at least one task' }).max(MAX_TASKS_PER_ROUND).nullish(),
});

export const entryRule = z.object({
  version: z.number().int().min(1),
  reported: textRule(4000),
  reportedOn: dateOrIsoRule,
  problemsRaised: textRule(4000).nullish(),
  decisions: textRule(4000).nullish(),
});

export const closeRoundRule = z.object({ version: z.number().int().min(1), summary: textRule(8000) });

export const roundsArgsRule = z.object({ year: yearRule.nullish(), regionCode: regionCodeRule.nullish() });
