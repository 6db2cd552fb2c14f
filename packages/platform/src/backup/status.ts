import fs from 'node:fs';
import path from 'node:path';
import { backupFreshness, readBackupStatus, type BackupStatus } from '@county/kit';
import { writeJson } from './files';

export type { BackupStatus };

/** `<backupDir>/status.json`: the gateway reads it too (BACKUP_STATUS_FILE) for /readyz and /metrics. */
export const statusFile = (backupDir: string) => path.join(backupDir, 'status.json');

export const readStatus = (backupDir: string): BackupStatus => readBackupStatus(statusFile(backupDir));

export function recordStatus(backupDir: string, change: BackupStatus): void {
  fs.mkdirSync(backupDir, { recursive: true });
  writeJson(statusFile(backupDir), { ...readStatus(backupDir), ...change });
}

/** One line for npm start's banner, and a warning when the latest verified backup is too old (or none is). */
export function describeStatus(
  backupDir: string,
  maxVerifiedAgeHours: number,
): { line: string; warning: string | null } {
  const fresh = backupFreshness(readStatus(backupDir), maxVerifiedAgeHours);
  const line =
    `latest base backup ${fresh.latestBackupAt ? `${fresh.latestBackupAt} (${fresh.latestBackupAgeHours!.toFixed(1)} h ago)` : 'none yet'}, ` +
    `latest verified ${fresh.latestVerifiedAt ? `${fresh.latestVerifiedAt} (${fresh.verifiedAgeHours!.toFixed(1)} h ago)` : 'never'}`;
  return { line, warning: fresh.warning };
}
