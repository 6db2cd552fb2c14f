import { z } from 'zod';
import { dateOrIsoRule, regionCodeRule, textRule, uuidRule, yearRule } from '@county/domain';
import { BulletinVerdict } from './bulletin.vocabulary';

/** A bulletin names a handful of units (9 + 9 at most in the source); 60 leaves room. */
export const MAX_MENTIONS = 60;

export const issueBulletinRule = z.object({
  regionCode: regionCodeRule,
  issuedOn: dateOrIsoRule,
  title: textRule(300),
  summary: textRule(8000),
  inspectionId: uuidRule.nullish(),
  mentions: z
    .array(
      z.object({
        verdict: z.enum(BulletinVerdict),
        organizationId: uuidRule,
        taskId: uuidRule.nullish(),
        note: textRule(2000),
      }),
    )
    .min(1, { message: 'name at least one unit' })
    .max(MAX_MENTIONS),
});

export const bulletinOrdersRule = z.object({ deadline: dateOrIsoRule, reason: textRule(2000).nullish() });

export const bulletinsArgsRule = z.object({ year: yearRule.nullish(), regionCode: regionCodeRule.nullish() });
