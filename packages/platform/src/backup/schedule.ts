import { takeBaseBackup, listBaseBackups } from './base-backup';
import { recordStatus } from './status';

const CHECK_EVERY_MS = 10 * 60_000;

/**
 * Base backups while `npm start` runs: one whenever the latest is older than `everyHours` (so the first
 * comes soon after the first start), checked every 10 minutes from `firstCheckMs` after start. A failed
 * backup is said on the console and tried again at the next check; the platform keeps serving.
 */
export function scheduleBaseBackups(options: {
  adminUrl: string;
  backupDir: string;
  everyHours: number;
  keep: number;
  firstCheckMs?: number;
}): { stop(): void } {
  let running = false;
  const due = () => {
    const latest = listBaseBackups(options.backupDir).at(-1);
    return !latest || Date.now() - Date.parse(latest.stoppedAt) > options.everyHours * 3_600_000;
  };
  const check = async () => {
    if (running || !due()) return;
    running = true;
    try {
      const taken = await takeBaseBackup(options.adminUrl, options.backupDir, options.keep);
      recordStatus(options.backupDir, {
        latestBackup: {
          label: taken.label,
          stoppedAt: taken.stoppedAt,
          bytes: taken.bytes,
          seconds: taken.seconds,
        },
      });
      console.log(
        `Base backup ${taken.label} taken (${(taken.bytes / 1e6).toFixed(1)} MB, ${taken.seconds.toFixed(1)} s); ` +
          `${options.keep} kept in ${options.backupDir}`,
      );
    } catch (error) {
      console.warn(
        `The scheduled base backup failed: ${(error as Error).message.split('\n')[0]}; next try in 10 minutes`,
      );
    } finally {
      running = false;
    }
  };
  const first = setTimeout(() => void check(), options.firstCheckMs ?? 5 * 60_000);
  const every = setInterval(() => void check(), CHECK_EVERY_MS);
  first.unref();
  every.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(every);
    },
  };
}
