import fs from 'node:fs';
import path from 'node:path';
import { writeJson } from './files';

/** `<backupDir>/status.json`: the latest base backup and the latest one a scratch restore verified. */
export interface BackupStatus {
  latestBackup?: { label: string; stoppedAt: string; bytes: number; seconds: number };
  latestVerified?: { label: string; stoppedAt: string; verifiedAt: string; lastTransactionAt: string | null };
}

const statusFile = (backupDir: string) => path.join(backupDir, 'status.json');

export function readStatus(backupDir: string): BackupStatus {
  try {
    return JSON.parse(fs.readFileSync(statusFile(backupDir), 'utf8')) as BackupStatus;
  } catch {
    return {};
  }
}

export function recordStatus(backupDir: string, change: BackupStatus): void {
  fs.mkdirSync(backupDir, { recursive: true });
  writeJson(statusFile(backupDir), { ...readStatus(backupDir), ...change });
}

const hoursSince = (iso: string | undefined) => (iso ? (Date.now() - Date.parse(iso)) / 3_600_000 : null);

/** One line for npm start's banner, and a warning when the latest verified backup is too old (or none is). */
export function describeStatus(
  backupDir: string,
  maxVerifiedAgeHours: number,
): { line: string; warning: string | null } {
  const status = readStatus(backupDir);
  const backupAge = hoursSince(status.latestBackup?.stoppedAt);
  const verifiedAge = hoursSince(status.latestVerified?.verifiedAt);
  const line =
    `latest base backup ${status.latestBackup ? `${status.latestBackup.stoppedAt} (${backupAge!.toFixed(1)} h ago)` : 'none yet'}, ` +
    `latest verified ${status.latestVerified ? `${status.latestVerified.verifiedAt} (${verifiedAge!.toFixed(1)} h ago)` : 'never'}`;
  const warning =
    verifiedAge === null || verifiedAge > maxVerifiedAgeHours
      ? `No backup verified in the last ${maxVerifiedAgeHours} h (BACKUP_VERIFY_MAX_AGE_HOURS): run \`npm run backup:verify\``
      : null;
  return { line, warning };
}
