import fs from 'node:fs';
import { z } from 'zod';

/**
 * `<backupDir>/status.json`, written by the platform's backups (`npm run backup`, `backup:verify`): the
 * latest base backup and the latest one a scratch restore verified. Read by npm start's banner and by the
 * gateway's /readyz and /metrics.
 */
export interface BackupStatus {
  latestBackup?: { label: string; stoppedAt: string; bytes: number; seconds: number };
  latestVerified?: { label: string; stoppedAt: string; verifiedAt: string; lastTransactionAt: string | null };
}

const statusSchema = z.object({
  latestBackup: z
    .object({ stoppedAt: z.iso.datetime({ offset: true }) })
    .loose()
    .optional(),
  latestVerified: z
    .object({ verifiedAt: z.iso.datetime({ offset: true }) })
    .loose()
    .optional(),
});

/** The status at `file`; empty when there is none yet or it cannot be read (then nothing was verified). */
export function readBackupStatus(file: string): BackupStatus {
  try {
    const parsed = statusSchema.safeParse(JSON.parse(fs.readFileSync(file, 'utf8')));
    return parsed.success ? (parsed.data as BackupStatus) : {};
  } catch {
    return {};
  }
}

export interface BackupFreshness {
  latestBackupAt: string | null;
  latestBackupAgeHours: number | null;
  latestVerifiedAt: string | null;
  verifiedAgeHours: number | null;
  /** No backup verified within `maxVerifiedAgeHours` (or none ever). */
  stale: boolean;
  warning: string | null;
}

const hoursSince = (iso: string | undefined, now: number) =>
  iso ? (now - Date.parse(iso)) / 3_600_000 : null;

/** How old the latest backup and the latest verified one are, and the warning when the latter is too old. */
export function backupFreshness(
  status: BackupStatus,
  maxVerifiedAgeHours: number,
  now = Date.now(),
): BackupFreshness {
  const verifiedAgeHours = hoursSince(status.latestVerified?.verifiedAt, now);
  const stale = verifiedAgeHours === null || verifiedAgeHours > maxVerifiedAgeHours;
  return {
    latestBackupAt: status.latestBackup?.stoppedAt ?? null,
    latestBackupAgeHours: hoursSince(status.latestBackup?.stoppedAt, now),
    latestVerifiedAt: status.latestVerified?.verifiedAt ?? null,
    verifiedAgeHours,
    stale,
    warning: stale
      ? `No backup verified in the last ${maxVerifiedAgeHours} h (BACKUP_VERIFY_MAX_AGE_HOURS): run \`npm run backup:verify\``
      : null,
  };
}
