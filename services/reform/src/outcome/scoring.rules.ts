import { z } from 'zod';
import { ruleIssue } from '@county/kit';
import { dateOrIsoRule, textRule, uuidRule } from '@county/domain';
import { AdoptionLevel, ScoringBasis } from './outcome.vocabulary';

export const scoringRulesRule = z
  .array(
    z.object({
      basis: z.enum(ScoringBasis),
      level: z.enum(AdoptionLevel),
      points: z
        .number()
        .min(0, { message: 'must be at least 0' })
        .max(100, { message: 'must be at most 100' }),
    }),
  )
  .max(20)
  .superRefine((rules, ctx) =>
    rules.forEach((r, i) => {
      if (rules.findIndex((o) => o.basis === r.basis && o.level === r.level) !== i)
        ctx.addIssue({
          ...ruleIssue('distinct', `${r.basis} at ${r.level} is given twice`),
          path: [i, 'level'],
        });
    }),
  );

export const leadWonRule = z.object({
  organizationId: uuidRule,
  level: z.enum(AdoptionLevel).refine((level) => level !== AdoptionLevel.CITY, {
    message: 'pilots are won at PROVINCE or STATE level',
    params: { rule: 'pilot-level' },
  }),
  title: textRule(300),
  wonOn: dateOrIsoRule,
});
