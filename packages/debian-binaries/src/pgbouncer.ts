import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freeLoopbackPort, startDaemon, type RunningDaemon } from './daemon';
import { debianBinary } from './debian';

/** Debian's PgBouncer (1.18 on bookworm: no prepared statements in transaction mode, that came in 1.21). */
export const pgbouncerBinary = () =>
  debianBinary({
    program: 'pgbouncer',
    packages: ['pgbouncer', 'libc-ares2'],
    file: 'usr/sbin/pgbouncer',
    installedVariable: 'PGBOUNCER_BIN',
  });

export interface PgbouncerOptions {
  /** The PostgreSQL server behind it (an admin URL: its user and password log the pooler in). */
  serverUrl: string;
  poolMode?: 'session' | 'transaction' | 'statement';
  /** Server connections per database and user. */
  poolSize?: number;
}

export interface RunningPgbouncer extends RunningDaemon {
  port: number;
  /** `url` (a database on the server) as reached through the pooler. */
  through(url: string): string;
}

/**
 * PgBouncer refuses to run as root: started by root it switches to `nobody` itself (`-u`), after reading
 * its binary, libraries and configuration as root. (Spawned as `nobody` instead, it could not reach a
 * binary unpacked under a private directory, such as a CI checkout in a 0700 temporary folder.)
 */
const switchUser = (): string[] => (process.getuid?.() === 0 ? ['-u', 'nobody'] : []);

/**
 * PgBouncer on loopback in front of `serverUrl`, for every database on it (clients name the database; the
 * pooler logs in as the server URL's user, so any client user is let in: loopback tests only).
 */
export async function startPgbouncer(options: PgbouncerOptions): Promise<RunningPgbouncer> {
  const server = new URL(options.serverUrl);
  const port = await freeLoopbackPort();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'county-pgbouncer-'));
  fs.chmodSync(dir, 0o755);
  const file = path.join(dir, 'pgbouncer.ini');
  const login = `user=${decodeURIComponent(server.username)} password=${decodeURIComponent(server.password)}`;
  fs.writeFileSync(
    file,
    [
      '[databases]',
      `* = host=${server.hostname} port=${server.port || 5432} ${login}`,
      '[pgbouncer]',
      'listen_addr = 127.0.0.1',
      `listen_port = ${port}`,
      'unix_socket_dir =',
      'auth_type = any',
      `pool_mode = ${options.poolMode ?? 'transaction'}`,
      `default_pool_size = ${options.poolSize ?? 5}`,
      'max_client_conn = 200',
      // node-postgres and knex send no other start-up parameters than these
      'ignore_startup_parameters = extra_float_digits,options',
      '',
    ].join('\n'),
    { mode: 0o644 },
  );
  let daemon: RunningDaemon;
  try {
    daemon = await startDaemon({
      name: 'pgbouncer',
      binary: pgbouncerBinary(),
      args: [...switchUser(), file],
      ports: [port],
    });
  } catch (error) {
    fs.rmSync(dir, { recursive: true, force: true });
    throw error;
  }
  return {
    ...daemon,
    port,
    through(url) {
      const pooled = new URL(url);
      pooled.hostname = '127.0.0.1';
      pooled.port = String(port);
      return pooled.toString();
    },
    async stop() {
      await daemon.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
