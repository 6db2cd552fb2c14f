import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { copyTree, folderBytes, stamp, writeJson } from './files';

/** A finished base backup: `<backupDir>/base/<label>/`, its manifest `backup.json` written last. */
export interface BaseBackup {
  label: string;
  dir: string;
  /** The server's clock when pg_backup_start returned and when pg_backup_stop did (ISO, UTC). */
  startedAt: string;
  stoppedAt: string;
  /** The first WAL segment a restore from it needs; older archived segments serve no kept backup. */
  startWal: string;
  bytes: number;
  seconds: number;
}

export const walDir = (backupDir: string) => path.join(backupDir, 'wal');
const baseDir = (backupDir: string) => path.join(backupDir, 'base');
const MANIFEST = 'backup.json';

/** The finished base backups, oldest first. */
export function listBaseBackups(backupDir: string): BaseBackup[] {
  const root = baseDir(backupDir);
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root)
    .filter((name) => fs.existsSync(path.join(root, name, MANIFEST)))
    .map((name) => JSON.parse(fs.readFileSync(path.join(root, name, MANIFEST), 'utf8')) as BaseBackup)
    .map((backup) => ({ ...backup, dir: path.join(root, backup.label) }))
    .sort((a, b) => a.stoppedAt.localeCompare(b.stoppedAt));
}

/**
 * A base backup through PostgreSQL's low-level API: `pg_backup_start` (fast checkpoint) on one session, a
 * copy of the data folder while the server keeps serving, `pg_backup_stop` on the same session (which
 * waits until the WAL the copy needs is archived), and the backup_label and tablespace_map it returns
 * written into the copy. Then `keep` backups are kept and the WAL older than the oldest of them removed.
 */
export async function takeBaseBackup(adminUrl: string, backupDir: string, keep: number): Promise<BaseBackup> {
  const started = Date.now();
  const label = `base-${stamp()}`;
  const target = path.join(baseDir(backupDir), label);
  const partial = `${target}.partial`;
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const settings = await client.query<{ name: string; setting: string }>(
      `select name, setting from pg_settings where name in ('data_directory', 'archive_mode')`,
    );
    const setting = (name: string) => settings.rows.find((row) => row.name === name)?.setting;
    if (setting('archive_mode') !== 'on')
      throw new Error(
        'The server does not archive its WAL (archive_mode is off): a base backup alone cannot be restored',
      );
    const dataDir = setting('data_directory')!;
    const tablespaces = await client.query(
      `select 1 from pg_tablespace where spcname not in ('pg_default', 'pg_global')`,
    );
    if (tablespaces.rowCount)
      throw new Error('Tablespaces outside the data folder are not backed up by this tool');

    const begin = await client.query<{ at: string }>(
      `select pg_backup_start($1, fast => true), to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at`,
      [label],
    );
    fs.mkdirSync(partial, { recursive: true, mode: 0o700 });
    try {
      await copyTree(dataDir, partial, { dataFolder: true });
    } catch (error) {
      await client.query('select pg_backup_stop(false)').catch(() => undefined);
      throw error;
    }
    // waits for the archive; an archive that fails would wait forever, so a bound
    await client.query(`set statement_timeout = '15min'`);
    const end = await client.query<{ labelfile: string; spcmapfile: string; at: string }>(
      `select labelfile, spcmapfile, to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at
         from pg_backup_stop(wait_for_archive => true)`,
    );
    const { labelfile, spcmapfile, at } = end.rows[0];
    fs.writeFileSync(path.join(partial, 'backup_label'), labelfile, { mode: 0o600 });
    if (spcmapfile) fs.writeFileSync(path.join(partial, 'tablespace_map'), spcmapfile, { mode: 0o600 });
    const startWal = /START WAL LOCATION: .* \(file ([0-9A-F]{24})\)/.exec(labelfile)?.[1];
    if (!startWal) throw new Error(`Unexpected backup_label from pg_backup_stop:\n${labelfile}`);
    const backup: BaseBackup = {
      label,
      dir: target,
      startedAt: begin.rows[0].at,
      stoppedAt: at,
      startWal,
      bytes: folderBytes(partial),
      seconds: (Date.now() - started) / 1000,
    };
    writeJson(path.join(partial, MANIFEST), backup);
    fs.renameSync(partial, target);
    applyRetention(backupDir, keep);
    return backup;
  } finally {
    fs.rmSync(partial, { recursive: true, force: true });
    await client.end();
  }
}

/** The segment part of a WAL file name (timeline left out): names sort by position in the WAL. */
const position = (file: string) => file.slice(8, 24);

/**
 * Keeps the newest `keep` base backups and the archived WAL from the oldest kept backup's first segment on
 * (every timeline's; timeline history files always). Returns what it removed.
 */
export function applyRetention(backupDir: string, keep: number): { backups: string[]; walFiles: number } {
  const backups = listBaseBackups(backupDir);
  const dropped = backups.slice(0, Math.max(0, backups.length - keep));
  for (const backup of dropped) fs.rmSync(backup.dir, { recursive: true, force: true });
  // a copy cut short (the platform stopped during a backup) is dropped once a day old
  for (const name of fs.existsSync(baseDir(backupDir)) ? fs.readdirSync(baseDir(backupDir)) : []) {
    const dir = path.join(baseDir(backupDir), name);
    if (name.endsWith('.partial') && Date.now() - fs.statSync(dir).mtimeMs > 86_400_000)
      fs.rmSync(dir, { recursive: true, force: true });
  }
  const oldest = backups[dropped.length];
  let walFiles = 0;
  if (oldest && fs.existsSync(walDir(backupDir))) {
    for (const file of fs.readdirSync(walDir(backupDir))) {
      // segments, .partial and .backup files are named after their segment; timeline histories are not
      if (!/^[0-9A-F]{24}/.test(file)) continue;
      if (position(file) < position(oldest.startWal)) {
        fs.rmSync(path.join(walDir(backupDir), file), { force: true });
        walFiles += 1;
      }
    }
  }
  return { backups: dropped.map((b) => b.label), walFiles };
}

/**
 * Closes the running server's current WAL segment and waits until it is archived, so a verification covers
 * every write made so far rather than those up to the last segment switch. Returns the segment's name.
 */
export async function archiveCurrentWal(adminUrl: string, timeoutMs = 60_000): Promise<string> {
  const client = new Client({ connectionString: adminUrl });
  await client.connect();
  try {
    // at a segment boundary (nothing written since the last switch) this names the segment before it
    const { rows } = await client.query<{ file: string }>('select pg_walfile_name(pg_switch_wal()) as file');
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const archived = await client.query<{ last: string | null }>(
        'select last_archived_wal as last from pg_stat_archiver',
      );
      const last = archived.rows[0].last;
      if (last && /^[0-9A-F]{24}$/.test(last) && last.slice(8) >= rows[0].file.slice(8)) return rows[0].file;
      if (Date.now() > deadline)
        throw new Error(`WAL segment ${rows[0].file} was not archived within ${timeoutMs / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  } finally {
    await client.end();
  }
}
