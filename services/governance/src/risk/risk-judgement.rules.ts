import { z } from 'zod';
import { RegionLevel, uuidRule, yearRule } from '@county/domain';
import { RiskLevel } from '../vocabulary';
import { regionCodeOf } from '../field-rules';

export const judgementRule = z.object({
  regionCode: regionCodeOf(RegionLevel.VILLAGE),
  year: yearRule,
  level: z.enum(RiskLevel),
  reasons: z.array(z.string().trim().min(1).max(500)).max(20),
  leaderId: uuidRule.nullish(),
});
