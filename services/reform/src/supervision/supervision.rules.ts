import { z } from 'zod';
import { dateRule, textRule, uuidRule, yearRule } from '../field-rules';

export const issueOrderRule = z.object({ taskId: uuidRule, reason: textRule(2000), deadline: dateRule });
export const answerOrderRule = z.object({ causeAnalysis: textRule(4000), measures: textRule(4000) });
export const ordersArgsRule = z.object({ year: yearRule.nullish(), leadOrganizationId: uuidRule.nullish() });
