import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { databaseUrl } from '@county/postgres';
import { stamp } from './files';

export class DumpToolMissing extends Error {}

/** The major version a client tool reports (`pg_dump (PostgreSQL) 15.14` → 15), or null when absent. */
export function toolMajor(tool: string): number | null {
  try {
    const output = execFileSync(tool, ['--version'], {
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const match = /\(PostgreSQL\) (\d+)/.exec(output);
    return match ? Number(match[1]) : null;
  } catch {
    return null;
  }
}

export async function serverMajor(serverUrl: string): Promise<number> {
  const client = new Client({ connectionString: serverUrl });
  await client.connect();
  try {
    const { rows } = await client.query<{ v: string }>("select current_setting('server_version_num') as v");
    return Math.floor(Number(rows[0].v) / 10000);
  } finally {
    await client.end();
  }
}

/**
 * `pg_dump` or `pg_restore` of the server's own major version: from PG_BIN_DIR, Debian's
 * /usr/lib/postgresql/<major>/bin, or the PATH. Another version is refused, saying what to install.
 */
export function findTool(name: 'pg_dump' | 'pg_restore', major: number): string {
  const candidates = [
    ...(process.env.PG_BIN_DIR ? [path.join(process.env.PG_BIN_DIR, name)] : []),
    `/usr/lib/postgresql/${major}/bin/${name}`,
    name,
  ];
  const seen: string[] = [];
  for (const candidate of candidates) {
    const found = toolMajor(candidate);
    if (found === major) return candidate;
    if (found !== null) seen.push(`${candidate} is version ${found}`);
  }
  throw new DumpToolMissing(
    `${name} of PostgreSQL ${major} (the server's version) is not on this machine` +
      `${seen.length ? ` (${seen.join('; ')})` : ''}: install PostgreSQL ${major}'s client tools ` +
      `(Debian: postgresql-client-${major}) or set PG_BIN_DIR to their folder. On the embedded server, ` +
      '`npm run backup` and `npm run restore -- --to <moment>` need no client tools.',
  );
}

const run = (tool: string, args: string[]) =>
  new Promise<void>((resolve, reject) => {
    let errors = '';
    const child = spawn(tool, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (chunk: Buffer) => (errors += chunk.toString()));
    child.once('error', reject);
    child.once('exit', (code) =>
      code === 0
        ? resolve()
        : reject(new Error(`${path.basename(tool)} failed (${code}): ${errors.trim().slice(-2000)}`)),
    );
  });

/** One subgraph's database as a custom-format dump, `<backupDir>/dumps/<subgraph>-<moment>.dump`. */
export async function dumpSubgraph(
  serverUrl: string,
  subgraph: string,
  database: string,
  backupDir: string,
): Promise<string> {
  const tool = findTool('pg_dump', await serverMajor(serverUrl));
  const dir = path.join(backupDir, 'dumps');
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  const file = path.join(dir, `${subgraph}-${stamp()}.dump`);
  await run(tool, [
    '--format=custom',
    `--file=${file}.partial`,
    `--dbname=${databaseUrl(serverUrl, database)}`,
  ]);
  fs.renameSync(`${file}.partial`, file);
  return file;
}

/**
 * Restores one subgraph's dump into a NEW database (`<database>_restore`, owned by the subgraph's role, every
 * object made as that role), for the caller to check before `switchDatabase` puts it in place.
 */
export async function restoreSubgraphDump(
  serverUrl: string,
  database: string,
  file: string,
): Promise<string> {
  const tool = findTool('pg_restore', await serverMajor(serverUrl));
  if (!fs.existsSync(file)) throw new Error(`--from: ${file} does not exist`);
  const scratch = `${database}_restore`;
  await withAdmin(serverUrl, async (client) => {
    const owner = await client.query<{ owner: string }>(
      'select pg_get_userbyid(datdba) as owner from pg_database where datname = $1',
      [database],
    );
    if (!owner.rowCount) throw new Error(`There is no database ${database} on this server`);
    await client.query(`drop database if exists "${scratch}" with (force)`);
    await client.query(`create database "${scratch}" owner "${owner.rows[0].owner}"`);
    await client.query(`revoke all on database "${scratch}" from public`);
    await run(tool, [
      '--no-owner',
      `--role=${owner.rows[0].owner}`,
      '--single-transaction',
      '--exit-on-error',
      `--dbname=${databaseUrl(serverUrl, scratch)}`,
      file,
    ]);
  });
  return scratch;
}

/**
 * Puts the restored database in the subgraph's place: its open connections are ended (its pool reconnects,
 * to the restored one), the current one is renamed `<database>_before_restore_<n>` and kept.
 */
export async function switchDatabase(serverUrl: string, database: string, restored: string): Promise<string> {
  const aside = `${database}_before_${stamp().replace(/\D/g, '').slice(0, 14)}`.slice(0, 63);
  await withAdmin(serverUrl, async (client) => {
    // the subgraph's pool reconnects at once: end its sessions until the rename finds none
    for (let attempt = 1; ; attempt += 1) {
      await client.query('select pg_terminate_backend(pid) from pg_stat_activity where datname = $1', [
        database,
      ]);
      try {
        await client.query(`alter database "${database}" rename to "${aside}"`);
        break;
      } catch (error) {
        if ((error as { code?: string }).code !== '55006' || attempt === 20) throw error;
      }
    }
    await client.query(`alter database "${restored}" rename to "${database}"`);
  });
  return aside;
}

async function withAdmin(serverUrl: string, work: (client: Client) => Promise<void>): Promise<void> {
  const client = new Client({ connectionString: databaseUrl(serverUrl, 'postgres') });
  await client.connect();
  try {
    await work(client);
  } finally {
    await client.end();
  }
}
