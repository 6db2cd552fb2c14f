import os from 'node:os';
import path from 'node:path';
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { parseConfig, redactUrl } from '@county/kit';
import { runningAsRoot, startEmbeddedPostgres, unreachableParent } from '@county/postgres';

import { DATA_DIR, ROOT } from './paths';

const configSchema = z.object({
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
    .optional(),
  PG_PORT: z.coerce.number().int().min(1).max(65535).default(54329),
  PG_DATA_DIR: z.string().optional(),
  /** WAL archive and base backups of the embedded server (default: `backups` beside its data folder). */
  BACKUP_DIR: z.string().min(1).optional(),
  /** A quiet server's writes still reach the WAL archive within this many seconds. */
  BACKUP_ARCHIVE_TIMEOUT_SECONDS: z.coerce.number().int().min(30).max(86400).default(600),
});

export interface DatabaseServer {
  url: string;
  description: string;
  /** Where the embedded server keeps its data and its backups; absent for DATABASE_URL's server. */
  embedded?: EmbeddedLayout;
  stop(): Promise<void>;
}

/** The embedded server's folders and port, as `npm start` and the backup commands find them. */
export interface EmbeddedLayout {
  dataDir: string;
  backupDir: string;
  port: number;
  note?: string;
}

/**
 * `.data/postgres` normally. Run as root from a folder the `postgres` OS user cannot enter (a home
 * folder, a mktemp dir), the cluster lives under /var/tmp instead, one per checkout.
 */
function defaultDataDir(): { dir: string; note?: string } {
  const dir = path.join(DATA_DIR, 'postgres');
  const blocked = runningAsRoot() ? unreachableParent(dir) : null;
  if (!blocked) return { dir };
  const id = createHash('sha256').update(ROOT).digest('hex').slice(0, 12);
  return {
    dir: path.join(os.tmpdir() === '/tmp' ? '/var/tmp' : os.tmpdir(), `county-graph-${id}`, 'postgres'),
    note: `the postgres OS user cannot enter ${blocked}, so the data lives outside .data/`,
  };
}

/** The embedded server's folders, from PG_DATA_DIR / BACKUP_DIR / PG_PORT or their defaults. */
export function embeddedLayout(): EmbeddedLayout {
  const config = parseConfig(configSchema);
  const chosen = config.PG_DATA_DIR ? { dir: path.resolve(config.PG_DATA_DIR) } : defaultDataDir();
  return {
    dataDir: chosen.dir,
    backupDir: path.resolve(config.BACKUP_DIR ?? path.join(path.dirname(chosen.dir), 'backups')),
    port: config.PG_PORT,
    note: chosen.note,
  };
}

/** The server every subgraph's database lives on: DATABASE_URL's, or an embedded PostgreSQL. */
export async function startDatabaseServer(
  onLog: (line: string) => void,
  superuserPassword?: string,
): Promise<DatabaseServer> {
  const config = parseConfig(configSchema);
  if (config.DATABASE_URL) {
    return {
      url: config.DATABASE_URL,
      description: redactUrl(config.DATABASE_URL),
      stop: async () => undefined,
    };
  }
  const layout = embeddedLayout();
  const postgres = await startEmbeddedPostgres({
    dataDir: layout.dataDir,
    port: config.PG_PORT,
    archive: {
      walDir: path.join(layout.backupDir, 'wal'),
      timeoutSeconds: config.BACKUP_ARCHIVE_TIMEOUT_SECONDS,
    },
    persistent: true,
    callerHandlesSignals: true,
    onLog,
    superuserPassword,
  });
  return {
    url: postgres.adminUrl,
    description: `embedded PostgreSQL on 127.0.0.1:${config.PG_PORT}, data in ${layout.dataDir}${layout.note ? ` (${layout.note})` : ''}, WAL archived to ${layout.backupDir}`,
    embedded: layout,
    stop: () => postgres.stop(),
  };
}
