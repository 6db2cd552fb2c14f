import { statsCacheTtlMs } from '../config';
import type { ServiceStats } from './service-stats.types';

/**
 * Recent `serviceStats` answers, per region and period. A cockpit wall asks the same few questions over
 * and over; the rollups make one answer cheap, this makes the repeats free. Every case write in this
 * process clears it (after its commit); answers are kept at most SERVICE_STATS_CACHE_TTL_MS, which bounds
 * how late another replica's writes or a bulk load show up.
 */
const MAX_ENTRIES = 1000;
const answers = new Map<string, { at: number; value: Promise<ServiceStats> }>();

export function clearStatsCache(): void {
  answers.clear();
}

export function cachedStats(key: string, compute: () => Promise<ServiceStats>): Promise<ServiceStats> {
  const ttl = statsCacheTtlMs();
  if (ttl === 0) return compute();
  const now = Date.now();
  const hit = answers.get(key);
  if (hit && now - hit.at < ttl) return hit.value;
  if (answers.size >= MAX_ENTRIES) answers.clear();
  const value = compute();
  answers.set(key, { at: now, value });
  // a failure is not remembered
  value.catch(() => answers.delete(key));
  return value;
}
