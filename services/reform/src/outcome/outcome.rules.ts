import { z } from 'zod';
import { ruleIssue } from '@county/kit';
import { dateOrIsoRule, regionCodeRule, textRule, uuidRule, yearRule } from '@county/domain';
import { AdoptionLevel, DocumentKind, OutcomeKind, PromotionKind } from './outcome.vocabulary';

const keyRule = z.string().regex(/^[a-z][a-z0-9-]{0,39}$/, {
  message: 'must be a short key: lower-case letters, digits and dashes, at most 40',
});

export const criteriaRule = z
  .array(z.object({ key: keyRule, name: textRule(300) }))
  .max(30)
  .superRefine((criteria, ctx) =>
    criteria.forEach((c, i) => {
      if (criteria.findIndex((other) => other.key === c.key) !== i)
        ctx.addIssue({ ...ruleIssue('distinct', 'names a key twice'), path: [i, 'key'] });
    }),
  );

export const recordOutcomeRule = z.object({
  year: yearRule,
  title: textRule(300),
  kind: z.enum(OutcomeKind),
  summary: textRule(8000),
  regionCode: regionCodeRule,
  leadOrganizationId: uuidRule,
  taskIds: z.array(uuidRule).max(20),
});

export const judgeOutcomeRule = z
  .object({ version: z.number().int().min(1), criteriaMet: z.array(keyRule).max(30), selected: z.boolean() })
  .superRefine((input, ctx) => {
    if (input.selected && !input.criteriaMet.length)
      ctx.addIssue({
        ...ruleIssue('meets-a-criterion', 'a selected highlight meets at least one criterion'),
        path: ['criteriaMet'],
      });
  });

export const adoptionRule = z.object({
  level: z.enum(AdoptionLevel),
  adoptedBy: textRule(300),
  adoptedOn: dateOrIsoRule,
  note: textRule(1000).nullish(),
});

const countRule = z.number().int().min(0).max(1_000_000);
export const replicationRule = z
  .object({ scope: textRule(300), towns: countRule, villages: countRule, recordedOn: dateOrIsoRule })
  .superRefine((input, ctx) => {
    if (input.towns + input.villages === 0)
      ctx.addIssue({
        ...ruleIssue('some-place', 'give the towns or the villages that replicated it'),
        path: ['towns'],
      });
  });

export const documentRule = z.object({
  kind: z.enum(DocumentKind),
  title: textRule(300),
  documentNumber: textRule(60).nullish(),
  issuedOn: dateOrIsoRule,
  regionCode: regionCodeRule,
  outcomeId: uuidRule.nullish(),
  taskIds: z.array(uuidRule).max(20),
});

export const promotionRule = z.object({
  kind: z.enum(PromotionKind),
  title: textRule(300),
  outlet: textRule(300).nullish(),
  count: z.number().int().min(1).max(1000),
  occurredOn: dateOrIsoRule,
  regionCode: regionCodeRule,
  outcomeId: uuidRule.nullish(),
});

export const outcomesArgsRule = z.object({ year: yearRule.nullish(), regionCode: regionCodeRule.nullish() });
