import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import {
  archivedName,
  archiveSettings,
  freePort,
  giveToPostgres,
  preparePostgresFolder,
  restoreCommand,
  runPostgres,
} from '@county/postgres';
import { listBaseBackups, walDir, type BaseBackup } from './base-backup';
import {
  checkpointsUpTo,
  checkRestoredDatabases,
  type AnchorFolder,
  type CheckedDatabase,
  type SubgraphCheck,
} from './checks';
import { copyTree, stamp } from './files';
import { recordStatus } from './status';

export class RestoreRefused extends Error {}

export interface RestoreOptions {
  /** The cluster `npm start` runs (restore) or only the folder name a scratch cluster is made beside (verify). */
  dataDir: string;
  backupDir: string;
  /** An ISO 8601 moment, or 'latest' (everything the archive holds). */
  target: string;
  /** The superuser's password, the one of the backed-up cluster. */
  password: string;
  databases: CheckedDatabase[];
  anchor: AnchorFolder | null;
  /** 'restore' switches `dataDir` to the restored cluster when every check passes; 'verify' discards it. */
  mode: 'restore' | 'verify';
}

export interface RestoreReport {
  mode: 'restore' | 'verify';
  base: BaseBackup;
  target: string;
  /** The commit time of the last transaction replayed: what the data now reflects. */
  lastTransactionAt: string | null;
  checks: SubgraphCheck[];
  passed: boolean;
  /** Where the data that was there before now is (restore mode, when it passed). */
  setAside: string | null;
  seconds: number;
}

const alivePid = (dataDir: string): number | null => {
  const file = path.join(dataDir, 'postmaster.pid');
  if (!fs.existsSync(file)) return null;
  const pid = Number(fs.readFileSync(file, 'utf8').split('\n')[0]);
  try {
    process.kill(pid, 0);
    return pid;
  } catch {
    return null;
  }
};

const ISO_MOMENT =
  /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2}(?::\d{2}(?:\.\d{1,6})?)?)(Z|[+-]\d{2}(?::?\d{2})?)?$/;

/**
 * An ISO 8601 moment as recovery_target_time takes it: the server reads it at start, before it knows zone
 * abbreviations such as `Z`, so the offset is spelled out. Without an offset it is the server's time zone.
 */
export function recoveryTime(target: string): string {
  const match = ISO_MOMENT.exec(target.trim());
  if (!match || Number.isNaN(Date.parse(target)))
    throw new RestoreRefused(
      `--to must be an ISO 8601 moment (e.g. 2026-12-05T09:30:00+08:00) or "latest", not "${target}"`,
    );
  const [, date, time, zone] = match;
  return `${date} ${time}${zone === 'Z' ? '+00' : (zone ?? '')}`;
}

/** The newest base backup that ended before `target` (recovery can stop only after a backup's end). */
function chooseBase(backupDir: string, target: string): BaseBackup {
  const backups = listBaseBackups(backupDir);
  const chosen =
    target === 'latest'
      ? backups.at(-1)
      : backups.filter((b) => Date.parse(b.stoppedAt) < Date.parse(target)).at(-1);
  if (!chosen)
    throw new RestoreRefused(
      backups.length
        ? `No base backup in ${backupDir} ended before ${target} (the oldest ended at ${backups[0].stoppedAt})`
        : `No base backup in ${backupDir}: take one with \`npm run backup\``,
    );
  return chosen;
}

/** Segments the old cluster wrote but had not archived yet (PostgreSQL's recovery guide: copy them over). */
function copyUnarchivedWal(oldDataDir: string, newDataDir: string, archive: string): void {
  const from = path.join(oldDataDir, 'pg_wal');
  if (!fs.existsSync(from)) return;
  for (const file of fs.readdirSync(from)) {
    if (/^[0-9A-F]{24}$/.test(file) && !fs.existsSync(path.join(archive, archivedName(file))))
      fs.copyFileSync(path.join(from, file), path.join(newDataDir, 'pg_wal', file));
  }
}

/**
 * Rebuilds the cluster from the newest fitting base backup and the archived WAL in a NEW folder beside
 * `dataDir`, recovers it to `target` and promotes it on a free loopback port, and runs the checks. In
 * 'restore' mode, only when every check passes is the old folder moved aside (`<dataDir>.before-restore-…`)
 * and the new one put in its place, the WAL the restored cluster wrote moved into the archive and the audit
 * checkpoint files cut back to the restored chains (the full files kept beside them). Otherwise the new
 * folder is deleted and nothing else changes.
 */
export async function restoreCluster(options: RestoreOptions): Promise<RestoreReport> {
  const started = Date.now();
  const { dataDir, backupDir, target, mode } = options;
  const recoveryTarget = target === 'latest' ? null : recoveryTime(target);
  const running = mode === 'restore' ? alivePid(dataDir) : null;
  if (running)
    throw new RestoreRefused(
      `PostgreSQL (pid ${running}) is running on ${dataDir}: stop \`npm start\` before a restore`,
    );
  const base = chooseBase(backupDir, target);
  const moment = stamp();
  const newDir = `${dataDir}.${mode}-${moment}`;
  // the restored cluster's own WAL (its new timeline's history first) joins the archive only if it is kept
  const staging = path.join(backupDir, `wal.${mode}-${moment}`);
  let server: Awaited<ReturnType<typeof runPostgres>> | null = null;
  let passed = false;
  try {
    await copyTree(base.dir, newDir);
    fs.rmSync(path.join(newDir, 'backup.json'));
    fs.writeFileSync(path.join(newDir, 'recovery.signal'), '');
    if (mode === 'restore') copyUnarchivedWal(dataDir, newDir, walDir(backupDir));
    fs.chmodSync(newDir, 0o700);
    giveToPostgres(newDir);
    if (mode === 'restore') preparePostgresFolder(staging);
    server = await runPostgres({
      dataDir: newDir,
      port: await freePort(),
      settings: {
        restore_command: restoreCommand(walDir(backupDir)),
        ...(recoveryTarget ? { recovery_target_time: recoveryTarget } : {}),
        recovery_target_action: 'promote',
        ...(mode === 'restore' ? archiveSettings(staging) : { archive_mode: 'off' }),
      },
    });
    const adminUrl = server.adminUrl(options.password);
    const lastTransactionAt = await lastReplayed(adminUrl);
    const checks = await checkRestoredDatabases(adminUrl, options.databases, options.anchor);
    passed = checks.every((c) => c.passed);
    await server.stop();
    server = null;
    let setAside: string | null = null;
    if (passed && mode === 'restore') setAside = switchTo(options, newDir, staging, moment, checks);
    const report: RestoreReport = {
      mode,
      base,
      target,
      lastTransactionAt,
      checks,
      passed,
      setAside,
      seconds: (Date.now() - started) / 1000,
    };
    if (mode === 'verify' && passed)
      recordStatus(backupDir, {
        latestVerified: {
          label: base.label,
          stoppedAt: base.stoppedAt,
          verifiedAt: new Date().toISOString(),
          lastTransactionAt,
        },
      });
    return report;
  } finally {
    await server?.stop();
    if (!(passed && mode === 'restore')) fs.rmSync(newDir, { recursive: true, force: true });
    fs.rmSync(staging, { recursive: true, force: true });
  }
}

async function lastReplayed(adminUrl: string): Promise<string | null> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ at: string | null }>(
      `select to_char(pg_last_xact_replay_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at`,
    );
    return rows[0].at;
  } finally {
    await client.end();
  }
}

function switchTo(
  options: RestoreOptions,
  newDir: string,
  staging: string,
  moment: string,
  checks: SubgraphCheck[],
): string | null {
  const archive = walDir(options.backupDir);
  for (const file of fs.readdirSync(staging).filter((f) => !f.endsWith('.part')))
    if (!fs.existsSync(path.join(archive, file)))
      fs.renameSync(path.join(staging, file), path.join(archive, file));
  let setAside: string | null = null;
  if (fs.existsSync(options.dataDir)) {
    setAside = `${options.dataDir}.before-restore-${moment}`;
    fs.renameSync(options.dataDir, setAside);
  }
  fs.renameSync(newDir, options.dataDir);
  if (options.anchor) cutCheckpoints(options.anchor, checks, moment);
  return setAside;
}

/**
 * After a restore to an earlier moment the subgraphs go on anchoring from the restored head: each
 * checkpoint file keeps the checkpoints up to it, the full file stays beside it for the record.
 */
export function cutCheckpoints(anchor: AnchorFolder, checks: SubgraphCheck[], moment: string): void {
  for (const check of checks) {
    const file = path.join(anchor.dir, `${check.subgraph}.jsonl`);
    if (!fs.existsSync(file)) continue;
    const { kept, after } = checkpointsUpTo(anchor, check.subgraph, Number(check.head ?? 0));
    if (!after) continue;
    fs.copyFileSync(file, `${file}.before-restore-${moment}`);
    fs.writeFileSync(file, kept.map((l) => `${l}\n`).join(''), { mode: 0o600 });
  }
}

/** What a restore prints: what was restored to which moment, and each check. */
export function describeRestore(
  report: RestoreReport,
  describeChecks: (c: SubgraphCheck[]) => string[],
): string[] {
  return [
    `${report.mode === 'restore' ? 'Restore' : 'Verification'} of base backup ${report.base.label} (ended ${report.base.stoppedAt})` +
      ` to ${report.target}: last transaction replayed at ${report.lastTransactionAt ?? '— (none after the backup)'}, ${report.seconds.toFixed(1)} s`,
    ...describeChecks(report.checks),
    report.passed
      ? report.mode === 'restore'
        ? `Every check passed: npm start now runs on the restored cluster${report.setAside ? `; the data before the restore is in ${report.setAside}` : ''}.`
        : 'Every check passed; the scratch cluster is discarded.'
      : `A check FAILED: ${report.mode === 'restore' ? 'nothing was switched, the data is where it was' : 'this backup could not be verified'}.`,
  ];
}
