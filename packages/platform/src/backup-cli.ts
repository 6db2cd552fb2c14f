import path from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { parseConfig } from '@county/kit';
import { DATA_DIR } from './paths';
import { SUBGRAPHS, subgraphEntry } from './registry';
import { loadDevSecrets } from './dev-secrets';
import { embeddedLayout } from './database-server';
import { archiveCurrentWal, takeBaseBackup } from './backup/base-backup';
import { checkRestoredDatabases, describeChecks, type AnchorFolder } from './backup/checks';
import { describeRestore, restoreCluster, RestoreRefused, cutCheckpoints } from './backup/restore';
import { dumpSubgraph, restoreSubgraphDump, switchDatabase, DumpToolMissing } from './backup/dump';
import { recordStatus } from './backup/status';
import { stamp } from './backup/files';

const configSchema = z.object({
  /** A production server: only per-subgraph dumps (`--subgraph`); base backups are for the embedded one. */
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, { message: 'must be a postgres:// URL' })
    .optional(),
  /** Base backups kept; the archived WAL older than the oldest of them is removed. */
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
});

const USAGE = `npm run backup                                   a base backup of the embedded server (npm start running)
npm run backup -- --subgraph <name>              pg_dump of one subgraph's database
npm run restore -- --to <ISO moment|latest>      point-in-time restore of the embedded cluster (npm start stopped)
npm run restore -- --subgraph <name> --from <file.dump>
npm run backup:verify                            restore the latest backup into a scratch cluster and check it`;

/** The embedded server's superuser URL, its folders, and the audit anchor `npm start` gives the subgraphs. */
function embedded() {
  const secrets = loadDevSecrets(DATA_DIR);
  const layout = embeddedLayout();
  const anchor: AnchorFolder = { key: secrets.auditAnchorKey, dir: path.join(DATA_DIR, 'audit-checkpoints') };
  const adminUrl = `postgres://postgres:${encodeURIComponent(secrets.postgresPassword)}@127.0.0.1:${layout.port}/postgres`;
  return { secrets, layout, anchor, adminUrl };
}

async function backup(subgraph: string | undefined, config: z.infer<typeof configSchema>) {
  if (subgraph) {
    const entry = subgraphEntry(subgraph);
    const server = config.DATABASE_URL ?? embedded().adminUrl;
    const file = await dumpSubgraph(server, entry.name, entry.database, embeddedLayout().backupDir);
    console.log(`${entry.name}: ${entry.database} dumped to ${file}`);
    return 0;
  }
  if (config.DATABASE_URL)
    throw new RestoreRefused(
      'DATABASE_URL names your own server: back it up with its own tools (pg_basebackup and WAL archiving, or pgBackRest), or one subgraph at a time with --subgraph',
    );
  const { layout, adminUrl } = embedded();
  const taken = await takeBaseBackup(adminUrl, layout.backupDir, config.BACKUP_KEEP).catch((error: Error) => {
    if (/ECONNREFUSED|connect/.test(error.message))
      throw new RestoreRefused(
        `The embedded PostgreSQL on port ${layout.port} is not running: base backups are taken from the running server; start it with \`npm start\``,
      );
    throw error;
  });
  recordStatus(layout.backupDir, {
    latestBackup: {
      label: taken.label,
      stoppedAt: taken.stoppedAt,
      bytes: taken.bytes,
      seconds: taken.seconds,
    },
  });
  console.log(
    `Base backup ${taken.label}: ${(taken.bytes / 1e6).toFixed(1)} MB in ${taken.seconds.toFixed(1)} s, ` +
      `consistent from ${taken.stoppedAt}; ${config.BACKUP_KEEP} kept in ${layout.backupDir}`,
  );
  return 0;
}

async function restore(
  options: { to?: string; subgraph?: string; from?: string },
  config: z.infer<typeof configSchema>,
) {
  if (options.subgraph) {
    if (!options.from)
      throw new RestoreRefused('--subgraph needs --from <file.dump> (made by npm run backup -- --subgraph)');
    const entry = subgraphEntry(options.subgraph);
    const server = config.DATABASE_URL ?? embedded().adminUrl;
    const anchor = config.DATABASE_URL ? null : embedded().anchor;
    const scratch = await restoreSubgraphDump(server, entry.database, path.resolve(options.from));
    const checks = await checkRestoredDatabases(server, [{ name: entry.name, database: scratch }], anchor);
    for (const line of describeChecks(checks)) console.log(line);
    if (!checks.every((c) => c.passed)) {
      console.log(
        `A check FAILED: ${entry.database} is unchanged; the restored copy is kept as ${scratch} to inspect.`,
      );
      return 1;
    }
    const aside = await switchDatabase(server, entry.database, scratch);
    if (anchor) cutCheckpoints(anchor, checks, stamp());
    console.log(`${entry.name} restored from ${options.from}; the database before it is kept as ${aside}.`);
    return 0;
  }
  if (!options.to) throw new RestoreRefused(`--to is required\n${USAGE}`);
  if (config.DATABASE_URL)
    throw new RestoreRefused(
      'DATABASE_URL names your own server: restore it with its own tools, or per subgraph with --subgraph --from',
    );
  const { secrets, layout, anchor } = embedded();
  const report = await restoreCluster({
    dataDir: layout.dataDir,
    backupDir: layout.backupDir,
    target: options.to,
    password: secrets.postgresPassword,
    databases: SUBGRAPHS,
    anchor,
    mode: 'restore',
  });
  for (const line of describeRestore(report, describeChecks)) console.log(line);
  return report.passed ? 0 : 1;
}

async function verify(config: z.infer<typeof configSchema>) {
  if (config.DATABASE_URL)
    throw new RestoreRefused("backup:verify checks the embedded server's base backups; DATABASE_URL is set");
  const { secrets, layout, anchor, adminUrl } = embedded();
  // with npm start running, its latest writes are archived first, so the verification covers them too
  await archiveCurrentWal(adminUrl).then(
    (segment) => console.log(`The running server's WAL up to ${segment} is archived.`),
    (error: Error) =>
      console.log(
        /ECONNREFUSED/.test(error.message)
          ? 'npm start is not running: verifying what the archive holds.'
          : `Could not archive the running server's latest WAL first (${error.message}).`,
      ),
  );
  const report = await restoreCluster({
    dataDir: layout.dataDir,
    backupDir: layout.backupDir,
    target: 'latest',
    password: secrets.postgresPassword,
    databases: SUBGRAPHS,
    anchor,
    mode: 'verify',
  });
  for (const line of describeRestore(report, describeChecks)) console.log(line);
  return report.passed ? 0 : 1;
}

/** `npm run backup`, `npm run restore`, `npm run backup:verify`: the first argument says which. */
async function main() {
  const [command, ...rest] = process.argv.slice(2);
  const { values } = parseArgs({
    args: rest,
    options: { subgraph: { type: 'string' }, to: { type: 'string' }, from: { type: 'string' } },
  });
  const config = parseConfig(configSchema);
  if (values.subgraph && !SUBGRAPHS.some((s) => s.name === values.subgraph))
    throw new RestoreRefused(`--subgraph must be one of ${SUBGRAPHS.map((s) => s.name).join(', ')}`);
  if (command === 'backup') return backup(values.subgraph, config);
  if (command === 'restore') return restore(values, config);
  if (command === 'verify') return verify(config);
  throw new RestoreRefused(USAGE);
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    const expected = error instanceof RestoreRefused || error instanceof DumpToolMissing;
    console.error(
      expected
        ? (error as Error).message
        : `failed: ${error instanceof Error ? error.message : String(error)}`,
    );
    process.exit(2);
  },
);
