import { z } from 'zod';
import { ruleIssue } from '@county/kit';
import { chinaDay, dateScalarRule, regionCodeRule, textRule, uuidRule } from '@county/domain';
import { countyCodeRule } from '../field-rules';
import { PowerCategory } from './power-vocabulary';

const versionRule = z.number().int().min(1);

/** A day that has come (China time): what is recorded as done cannot be in the future. */
export const pastDayRule = dateScalarRule.superRefine((day, ctx) => {
  if (day > chinaDay()) ctx.addIssue(ruleIssue('not-future', `must be today (${chinaDay()}) or earlier`));
});

/** A township-level code (9 digits): a township, a subdistrict or a development zone. */
export const townshipCodeRule = regionCodeRule.refine((code) => code.length === 9, {
  message: 'must be a township-level code (9 digits): a township, subdistrict or development zone',
  params: { rule: 'township' },
});

export const createPowerRule = z.object({
  regionCode: countyCodeRule,
  organizationId: uuidRule,
  category: z.enum(PowerCategory),
  code: z.string().regex(/^[0-9A-Z-]{6,60}$/, { message: 'must be 6–60 digits, capitals or hyphens' }),
  name: textRule(200),
  legalBasis: textRule(2000),
});

export const linkItemPowerRule = z.object({ version: versionRule, powerId: uuidRule.nullish() });

export const delegatePowerRule = z.object({
  powerId: uuidRule,
  regionCode: townshipCodeRule,
  delegatedFrom: dateScalarRule,
  document: textRule(200),
});

export const uptakeRule = z.object({
  version: versionRule,
  staffTrained: z.number().int().min(1).max(500),
  takenUpOn: pastDayRule,
});

export const withdrawRule = z.object({
  version: versionRule,
  withdrawnOn: dateScalarRule,
  document: textRule(200),
});

export const powersArgsRule = z.object({
  regionCode: countyCodeRule,
  organizationId: uuidRule.nullish(),
  name: z.string().max(200).nullish(),
});

/** At most ten years back: a power idle longer is a matter for the list's own review. */
export const idleMonthsRule = z.number().int().min(1).max(120);

export const delegationsArgsRule = z.object({
  regionCode: regionCodeRule,
  powerId: uuidRule.nullish(),
  idleMonths: idleMonthsRule.nullish(),
});
