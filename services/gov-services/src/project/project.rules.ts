import { z } from 'zod';
import { hasSomeValue, ruleIssue, SOME_VALUE_MESSAGE, updateRule } from '@county/kit';
import { dateScalarRule, regionCodeRule, textRule, uuidRule } from '@county/domain';
import { creditCodeRule } from '../field-rules';
import { pastDayRule } from '../power/power.rules';
import { ProjectKind, ProjectStage } from './project-vocabulary';

const versionRule = z.number().int().min(1);
const targetRule = z.number().int().min(1).max(365);

/** Where a project is built: a township or a village (9 or 12 digits). */
const siteRule = regionCodeRule.refine((code) => code.length >= 9, {
  message: 'must be a township or village code (9 or 12 digits)',
  params: { rule: 'township-or-village' },
});

export const registerProjectRule = z.object({
  code: z.string().regex(/^[0-9A-Z-]{8,40}$/, { message: 'must be 8–40 digits, capitals or hyphens' }),
  name: textRule(200),
  regionCode: siteRule,
  enterpriseName: textRule(200),
  enterpriseCreditCode: creditCodeRule,
  kind: z.enum(ProjectKind),
  investment: z.number().int().min(1).max(100_000_000),
  major: z.boolean(),
  registeredOn: pastDayRule,
  earlyInvolvementOn: pastDayRule.nullish(),
  proxyAgentId: uuidRule.nullish(),
  targetDays: targetRule.nullish(),
});

/** Each of them may be cleared with null (optional on the project). */
export const updateProjectRule = updateRule(
  z.object({
    version: versionRule,
    earlyInvolvementOn: pastDayRule.nullish(),
    proxyAgentId: uuidRule.nullish(),
    targetDays: targetRule.nullish(),
  }),
).refine(({ version: _v, ...changes }) => hasSomeValue(changes), SOME_VALUE_MESSAGE);

export const submitStepRule = z.object({
  version: versionRule,
  caseId: uuidRule,
  itemId: uuidRule.nullish(),
  submittedOn: pastDayRule.nullish(),
});

export const approveStepRule = z.object({ version: versionRule, approvedOn: pastDayRule });

export const projectsArgsRule = z.object({
  regionCode: regionCodeRule,
  stage: z.enum(ProjectStage).nullish(),
  kind: z.enum(ProjectKind).nullish(),
});

export const projectPeriodRule = z
  .object({ regionCode: regionCodeRule, from: dateScalarRule.nullish(), to: dateScalarRule.nullish() })
  .superRefine((period, ctx) => {
    if (period.from && period.to && period.to < period.from)
      ctx.addIssue({ ...ruleIssue('range', 'must not be before `from`'), path: ['to'] });
  });
