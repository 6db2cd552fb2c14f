import { z } from 'zod';
import { parseConfig } from '../config';

const count = (fallback: number, max: number) => z.coerce.number().int().min(1).max(max).default(fallback);
const MiB = 1024 * 1024;

/**
 * What one spreadsheet import may cost, from the environment (README, "Spreadsheet imports"). The defaults
 * take a county's 40,000-row ledger (2 MB packed, 25 MB unpacked) with room to spare and refuse the
 * decompression bombs and runaway sheets seen in review.
 */
export const importLimitsSchema = z.object({
  /** The upload as sent (the zip), checked against Content-Length before a byte is read. */
  IMPORT_MAX_FILE_BYTES: count(10 * MiB, 1024 * MiB),
  /** Everything in the zip, unpacked: counted while inflating, so a lying header does not help. */
  IMPORT_MAX_UNPACKED_BYTES: count(64 * MiB, 4096 * MiB),
  /** Data rows of the sheet read (the header row not counted). */
  IMPORT_MAX_ROWS: count(50_000, 1_000_000),
  /** The right-most column any row of that sheet may use. */
  IMPORT_MAX_COLUMNS: count(100, 16_384),
  /** Imports running at once in one subgraph process; more are refused with 503 until one ends. */
  IMPORT_MAX_CONCURRENT: count(2, 100),
  /** Problems listed in a refusal; the refusal also carries the total count. */
  IMPORT_MAX_ERRORS: count(100, 10_000),
  /** Uploads up to this size and… */
  IMPORT_SYNC_MAX_BYTES: count(256 * 1024, 1024 * MiB),
  /** …up to this many rows are answered in the request; anything larger becomes a job (202). */
  IMPORT_SYNC_MAX_ROWS: count(2_000, 1_000_000),
  /** How long a finished job (its status, counts and errors) stays readable. */
  IMPORT_JOB_TTL_HOURS: count(24, 24 * 30),
});

export interface ImportLimits {
  maxFileBytes: number;
  maxUnpackedBytes: number;
  maxRows: number;
  maxColumns: number;
  maxConcurrent: number;
  maxErrors: number;
  syncMaxBytes: number;
  syncMaxRows: number;
  jobTtlHours: number;
}

/**
 * The limits in force. Read per import rather than once at start, so a test (or an operator's restart with
 * new values) needs no other wiring; an invalid value fails the import with the variable named in the log.
 */
export function importLimits(env: NodeJS.ProcessEnv = process.env): ImportLimits {
  const c = parseConfig(importLimitsSchema, env);
  return {
    maxFileBytes: c.IMPORT_MAX_FILE_BYTES,
    maxUnpackedBytes: c.IMPORT_MAX_UNPACKED_BYTES,
    maxRows: c.IMPORT_MAX_ROWS,
    maxColumns: c.IMPORT_MAX_COLUMNS,
    maxConcurrent: c.IMPORT_MAX_CONCURRENT,
    maxErrors: c.IMPORT_MAX_ERRORS,
    syncMaxBytes: c.IMPORT_SYNC_MAX_BYTES,
    syncMaxRows: c.IMPORT_SYNC_MAX_ROWS,
    jobTtlHours: c.IMPORT_JOB_TTL_HOURS,
  };
}
