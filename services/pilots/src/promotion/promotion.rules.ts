import { z } from 'zod';
import { textRule } from '@county/domain';
import { PromotionKind } from '../vocabulary';
import { pastDateRule, versionRule } from '../field-rules';

export const promotionRecordRule = z.object({
  kind: z.enum(PromotionKind),
  happenedOn: pastDateRule,
  by: textRule(200),
  description: textRule(2000),
});

export const promotePilotRule = z.object({ version: versionRule, record: promotionRecordRule });
