import { z } from 'zod';
import { ruleIssue } from '@county/kit';
import { regionCodeRule, uuidRule } from '@county/domain';
import {
  ApplicantKind,
  CaseChannel,
  CaseEventKind,
  CaseResult,
  CaseStatus,
  SuspensionReason,
} from '../vocabulary';

export const serviceCasesArgsRule = z.object({
  regionCode: regionCodeRule.nullish(),
  itemId: uuidRule.nullish(),
  centreId: uuidRule.nullish(),
  status: z.enum(CaseStatus).nullish(),
});

export const registerCaseRule = z
  .object({
    itemId: uuidRule,
    centreId: uuidRule,
    channel: z.enum(CaseChannel),
    applicantKind: z.enum(ApplicantKind),
    proxyAgentId: uuidRule.nullish(),
    receivedAt: z.date(),
  })
  .superRefine((input, ctx) => {
    if (input.channel === CaseChannel.PROXY && !input.proxyAgentId)
      ctx.addIssue({ ...ruleIssue('required', 'is required for a proxy case'), path: ['proxyAgentId'] });
    if (input.channel !== CaseChannel.PROXY && input.proxyAgentId)
      ctx.addIssue({
        ...ruleIssue('proxy-only', 'only a PROXY case has a proxy agent'),
        path: ['proxyAgentId'],
      });
  });

/** The fields each kind of event needs. */
const NEEDS: Partial<Record<CaseEventKind, 'reason' | 'extensionDays' | 'result' | 'score'>> = {
  [CaseEventKind.SUSPENDED]: 'reason',
  [CaseEventKind.EXTENDED]: 'extensionDays',
  [CaseEventKind.COMPLETED]: 'result',
  [CaseEventKind.RATED]: 'score',
};

export const caseEventRule = z
  .object({
    kind: z.enum(CaseEventKind),
    at: z.date(),
    note: z.string().max(2000).nullish(),
    reason: z.enum(SuspensionReason).nullish(),
    until: z.date().nullish(),
    extensionDays: z.number().int().min(1).max(365).nullish(),
    result: z.enum(CaseResult).nullish(),
    visits: z.number().int().min(0).max(20).nullish(),
    score: z
      .number()
      .int()
      .refine((n) => n >= 1 && n <= 5, { message: 'must be 1 to 5', params: { rule: 'range' } })
      .nullish(),
  })
  .superRefine((input, ctx) => {
    const needed = NEEDS[input.kind];
    if (needed && (input[needed] === undefined || input[needed] === null))
      ctx.addIssue({ ...ruleIssue('required', `is required for ${input.kind}`), path: [needed] });
    if (input.until && input.kind !== CaseEventKind.SUSPENDED)
      ctx.addIssue({ ...ruleIssue('kind', 'only a SUSPENDED event has an end'), path: ['until'] });
  });
export type CaseEventData = z.infer<typeof caseEventRule>;
