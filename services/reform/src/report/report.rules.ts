import { z } from 'zod';
import { textRule, uuidRule } from '@county/domain';
import { PERIOD_PATTERN } from './period';

export const submitReportRule = z.object({
  taskId: uuidRule,
  period: z.string().regex(PERIOD_PATTERN, { message: 'must be a month YYYY-MM or a quarter YYYY-Q1…Q4' }),
  percent: z
    .number()
    .int()
    .min(0, { message: 'must be at least 0' })
    .max(100, { message: 'must be at most 100' }),
  done: textRule(4000),
  problems: z.string().max(4000),
  nextSteps: z.string().max(4000),
  regressionReason: textRule(1000).nullish(),
  completedMilestoneIds: z.array(uuidRule).max(24),
});
