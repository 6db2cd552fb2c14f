import { z } from 'zod';
import { parseConfig } from '../config';

const count = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);
const MiB = 1024 * 1024;

/**
 * What feeds may cost and keep, from the environment (README, "Feeds"). A county's year of cases with their
 * events is ≈ 230,000 rows, ≈ 60 MB of CSV: the defaults take it in one delivery.
 */
export const feedLimitsSchema = z.object({
  FEED_MAX_FILE_BYTES: count(256 * MiB, 4096 * MiB),
  FEED_MAX_ROWS: count(500_000, 5_000_000),
  /** Finished deliveries are readable this long, and… */
  FEED_JOB_TTL_DAYS: count(30, 3650),
  /** …at most this many per source (the newest). */
  FEED_JOBS_KEPT: count(200, 100_000),
  /** Rejected rows listed in a delivery's report; the report also carries the total. */
  FEED_MAX_REJECTIONS_LISTED: count(200, 10_000),
});

export interface FeedLimits {
  maxFileBytes: number;
  maxRows: number;
  jobTtlDays: number;
  jobsKept: number;
  maxRejectionsListed: number;
}

export function feedLimits(env: NodeJS.ProcessEnv = process.env): FeedLimits {
  const c = parseConfig(feedLimitsSchema, env);
  return {
    maxFileBytes: c.FEED_MAX_FILE_BYTES,
    maxRows: c.FEED_MAX_ROWS,
    jobTtlDays: c.FEED_JOB_TTL_DAYS,
    jobsKept: c.FEED_JOBS_KEPT,
    maxRejectionsListed: c.FEED_MAX_REJECTIONS_LISTED,
  };
}
