import { z } from 'zod';
import { RegionLevel } from '@county/domain';
import { RiskLevel } from '../vocabulary';
import { regionCodeOf, uuidRule } from '../field-rules';

export const yearRule = z.number().int().min(2000).max(2100);

export const judgementRule = z.object({
  regionCode: regionCodeOf(RegionLevel.VILLAGE),
  year: yearRule,
  level: z.enum(RiskLevel),
  reasons: z.array(z.string().trim().min(1).max(500)).max(20),
  leaderId: uuidRule.nullish(),
});
