import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { postgresBinDir } from './binaries';
import { postgresIds, runningAsRoot, unreachableParent } from './postgres-user';

/**
 * Continuous archiving and recovery with nothing but the server's own binaries: the archive is a folder
 * (another disk, if the operator mounts one there), written and read with the shell's `cp`.
 */

/** A folder named in archive_command/restore_command: quoted, so no quote, no `%`, no line break. */
function quotedFolder(dir: string): string {
  const resolved = path.resolve(dir);
  if (/['%\n\r]/.test(resolved))
    throw new Error(`The WAL archive folder ${resolved} may not contain ', % or a line break`);
  return `'${resolved}'`;
}

/** The archive's name for a WAL file: gzipped (a segment switched early by archive_timeout is mostly zeros). */
export const archivedName = (walFile: string): string => `${walFile}.gz`;

/**
 * The settings that copy each finished WAL segment into `walDir`, gzipped. A segment already there is
 * accepted only when it is identical (the archiver retrying after a crash); another file of the same name is
 * never overwritten. The copy lands under a temporary name first, so a half-written one is never restored.
 */
export function archiveSettings(walDir: string, archiveTimeoutSeconds = 600): Record<string, string> {
  const dir = quotedFolder(walDir);
  const target = `${dir}/${archivedName('%f')}`;
  return {
    archive_mode: 'on',
    archive_command:
      `{ test -f ${target} && gzip -dc ${target} | cmp -s - '%p'; } || ` +
      `{ test ! -f ${target} && gzip -1 -c '%p' > ${target}.part && mv ${target}.part ${target}; }`,
    // a quiet day's writes still reach the archive within this many seconds
    archive_timeout: String(archiveTimeoutSeconds),
  };
}

/** The setting that fetches archived WAL back during a recovery (a file not there: a non-zero exit). */
export const restoreCommand = (walDir: string): string => {
  const source = `${quotedFolder(walDir)}/${archivedName('%f')}`;
  return `test -f ${source} && gzip -dc ${source} > '%p'`;
};

/** Makes `target` (and everything in it) the `postgres` OS user's when PostgreSQL runs as that user. */
export function giveToPostgres(target: string): void {
  if (!runningAsRoot()) return;
  const ids = postgresIds();
  if (!ids) throw new Error('There is no "postgres" OS user to run PostgreSQL as');
  const walk = (entry: string) => {
    fs.lchownSync(entry, ids.uid, ids.gid);
    if (fs.lstatSync(entry).isDirectory())
      for (const child of fs.readdirSync(entry)) walk(path.join(entry, child));
  };
  walk(target);
}

/** A folder PostgreSQL writes to (the WAL archive): made, owned by it, and reachable by it. */
export function preparePostgresFolder(dir: string): void {
  // the folders above stay enterable (0755); the archive itself is PostgreSQL's alone
  fs.mkdirSync(path.dirname(dir), { recursive: true });
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const blocked = runningAsRoot() ? unreachableParent(dir) : null;
  if (blocked)
    throw new Error(
      `PostgreSQL runs as the OS user "postgres", which cannot enter ${blocked} to reach ${dir}: choose a folder it can reach`,
    );
  if (runningAsRoot()) {
    const ids = postgresIds();
    if (ids) fs.chownSync(dir, ids.uid, ids.gid);
  }
}

/**
 * What every cluster of the platform runs with, the embedded server and a restored copy alike (a recovery
 * refuses fewer connections than the server whose WAL it replays had).
 */
export const SERVER_SETTINGS: Record<string, string> = {
  listen_addresses: '127.0.0.1',
  max_connections: '300',
  fsync: 'on',
};

/** Settings as the `postgres` binary's `-c name=value` flags. */
export const settingFlags = (settings: Record<string, string>): string[] =>
  Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]);

const spawnOptions = () => {
  const ids = runningAsRoot() ? postgresIds() : null;
  return { ...(ids ?? {}), env: { ...process.env, LC_MESSAGES: 'C' } };
};

/**
 * A new cluster in `dataDir`, as the embedded server makes one (superuser `postgres`, password login).
 * `binDir`: another installation's binaries (a test of the tools of another major version); default the
 * embedded server's.
 */
export async function initCluster(
  dataDir: string,
  password: string,
  binDir = postgresBinDir(),
): Promise<void> {
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  giveToPostgres(dataDir);
  const passwordFile = path.join(os.tmpdir(), `county-pw-${process.pid}-${Date.now()}`);
  fs.writeFileSync(passwordFile, `${password}\n`, { mode: 0o644 });
  try {
    await new Promise<void>((resolve, reject) => {
      let output = '';
      const child = spawn(
        path.join(binDir, 'initdb'),
        [
          `--pgdata=${dataDir}`,
          '--auth=password',
          '--username=postgres',
          `--pwfile=${passwordFile}`,
          '--encoding=UTF8',
          '--locale=C',
        ],
        spawnOptions(),
      );
      child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
      child.once('error', reject);
      child.once('exit', (code) =>
        code === 0 ? resolve() : reject(new Error(`initdb failed (${code}):\n${output.slice(-2000)}`)),
      );
    });
  } finally {
    fs.rmSync(passwordFile, { force: true });
  }
}

export interface PostgresProcess {
  dataDir: string;
  port: number;
  /** `postgres://postgres:<password>@127.0.0.1:<port>/postgres` */
  adminUrl(password: string): string;
  /** Fast shutdown (SIGINT): a shutdown checkpoint, and with archiving the last segment archived. */
  stop(): Promise<void>;
  /** The server's last log lines, for an error message. */
  log(): string;
}

/**
 * Runs the `postgres` binary on `dataDir` (loopback only) with `settings` as `-c` flags, and resolves once
 * it accepts connections: after a recovery, once it has promoted. Rejects with its last log lines when it
 * exits first (a recovery target it cannot reach, a broken backup).
 */
export async function runPostgres(options: {
  dataDir: string;
  port: number;
  settings?: Record<string, string>;
  readyTimeoutMs?: number;
  /** Another installation's binaries (see initCluster); default the embedded server's. */
  binDir?: string;
}): Promise<PostgresProcess> {
  const { dataDir, port, settings = {}, readyTimeoutMs = 30 * 60_000, binDir = postgresBinDir() } = options;
  const flags = settingFlags({ ...SERVER_SETTINGS, ...settings });
  const lines: string[] = [];
  const child: ChildProcess = spawn(
    path.join(binDir, 'postgres'),
    ['-D', dataDir, '-p', String(port), ...flags],
    { ...spawnOptions(), stdio: ['ignore', 'ignore', 'pipe'] },
  );
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const log = () => lines.join('\n');
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGQUIT');
      reject(
        new Error(`PostgreSQL on ${dataDir} was not ready within ${readyTimeoutMs / 1000} s:\n${log()}`),
      );
    }, readyTimeoutMs);
    child.stderr!.on('data', (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n').filter(Boolean)) {
        lines.push(line);
        if (lines.length > 60) lines.shift();
        if (line.includes('database system is ready to accept connections')) {
          clearTimeout(timer);
          resolve();
        }
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL on ${dataDir} stopped (${code}) before it was ready:\n${log()}`));
    });
  });
  return {
    dataDir,
    port,
    adminUrl: (password) => `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    log,
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      child.kill('SIGINT');
      const timer = setTimeout(() => child.kill('SIGQUIT'), 60_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
