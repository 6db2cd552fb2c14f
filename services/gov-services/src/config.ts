import { z } from 'zod';
import { parseConfig } from '@county/kit';

/**
 * How long (ms) a `serviceStats` answer may be served again to the same question; 0 turns the cache off
 * (the benchmark measures the rollups with it off). Writes in this process clear it at once; the TTL bounds
 * how late another replica's writes show up.
 */
const govServicesConfigSchema = z.object({
  SERVICE_STATS_CACHE_TTL_MS: z.coerce
    .number({ message: 'must be milliseconds, 0–600000' })
    .int({ message: 'must be whole milliseconds' })
    .min(0, { message: 'must be milliseconds, 0–600000' })
    .max(600_000, { message: 'must be milliseconds, 0–600000' })
    .default(10_000),
});

let ttl: number | undefined;

export function statsCacheTtlMs(): number {
  ttl ??= parseConfig(govServicesConfigSchema).SERVICE_STATS_CACHE_TTL_MS;
  return ttl;
}
