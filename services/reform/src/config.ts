import { z } from 'zod';
import { parseConfig } from '@county/kit';

/**
 * 滞后容差: how many percentage points actual progress may trail expected progress before a task counts
 * as lagging. A county sets it once for its whole ledger, so it is configuration, not a query argument.
 */
const reformConfigSchema = z.object({
  REFORM_LAG_TOLERANCE: z.coerce
    .number({ message: 'must be percentage points, 0–100' })
    .min(0, { message: 'must be percentage points, 0–100' })
    .max(100, { message: 'must be percentage points, 0–100' })
    .default(10),
});

let tolerance: number | undefined;

export function lagTolerance(): number {
  tolerance ??= parseConfig(reformConfigSchema).REFORM_LAG_TOLERANCE;
  return tolerance;
}
