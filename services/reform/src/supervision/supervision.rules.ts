import { z } from 'zod';
import { dateOrIsoRule, textRule, uuidRule, yearRule } from '@county/domain';

export const issueOrderRule = z.object({ taskId: uuidRule, reason: textRule(2000), deadline: dateOrIsoRule });
export const answerOrderRule = z.object({ causeAnalysis: textRule(4000), measures: textRule(4000) });
export const ordersArgsRule = z.object({ year: yearRule.nullish(), leadOrganizationId: uuidRule.nullish() });
