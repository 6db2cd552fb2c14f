import path from 'node:path';
import { z } from 'zod';
import { ConfigError, parseConfig } from '@county/kit';
import { ensureDatabase, databaseUrl, ensureOwnerRole, EmbeddedPostgresError } from '@county/postgres';
import { MAX_DEMO_COUNTIES } from '@county/demo-data';
import { subgraphEnvName } from '@county/gateway';
import { DATA_DIR } from './paths';
import { DIRECTORY_SUBGRAPH, GATEWAY_MAIN, SCHEMA_REGISTRY, SUBGRAPHS } from './registry';
import { loadRegistryCredentials, publishCommittedSchemas } from '@county/registry';
import { loadDevSecrets } from './dev-secrets';
import { gatewayTrustEnvironment } from './trust';
import { lockAuditTrail } from './audit-keeper';
import { startDatabaseServer, type DatabaseServer } from './database-server';
import {
  launchService,
  runSeeder,
  stopService,
  subgraphEnvironment,
  type LaunchedService,
  type ServiceProcess,
} from './processes';
import { printBanner } from './banner';
import { superviseServices } from './supervisor';
import { scheduleBaseBackups } from './backup/schedule';
import { describeStatus, statusFile } from './backup/status';
import { databaseServerProblems, subgraphDatabaseServer } from './deployment/database-servers';

const configSchema = z.object({
  GATEWAY_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  /** When set, the first subgraph listens here, the next one port above, and so on (tests use it). */
  SUBGRAPH_PORT_BASE: z.coerce.number().int().min(1).max(65000).optional(),
  DEMO_COUNTIES: z.coerce.number().int().min(1).max(MAX_DEMO_COUNTIES).default(1),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** The embedded server's base backups: one whenever the latest is this old (0: none scheduled). */
  BACKUP_EVERY_HOURS: z.coerce.number().min(0).max(8760).default(24),
  BACKUP_KEEP: z.coerce.number().int().min(1).max(1000).default(7),
  /** The banner warns when no backup was verified (npm run backup:verify) within this many hours. */
  BACKUP_VERIFY_MAX_AGE_HOURS: z.coerce.number().min(1).default(168),
});

const LOG_DIR = path.join(DATA_DIR, 'logs');

/**
 * The subgraph connects as the owner of its own database, never as the superuser. A DATABASE_URL whose
 * user may not create roles keeps working as before, and says so.
 */
async function ownerUrl(
  serverUrl: string,
  database: string,
  password: string,
): Promise<{ url: string; ownRole: boolean }> {
  try {
    return { url: await ensureOwnerRole(serverUrl, database, database, password), ownRole: true };
  } catch (error) {
    console.warn(
      `${database}: could not make it a role of its own (${(error as Error).message.split('\n')[0]}); ` +
        'the subgraph connects as the DATABASE_URL user',
    );
    return { url: databaseUrl(serverUrl, database), ownRole: false };
  }
}

/**
 * The schema registry on its own database (owned by its own role), with every subgraph's committed SDL
 * published as its department would: the first start composes and records them (~10 s), later ones find
 * them unchanged. Resolves with its URL.
 */
async function startSchemaRegistry(
  serverUrl: string,
  secrets: ReturnType<typeof loadDevSecrets>,
  registryPort: number,
  subgraphs: { name: string; url: string }[],
  keep: (service: ServiceProcess) => void,
): Promise<string> {
  await ensureDatabase(serverUrl, SCHEMA_REGISTRY.database);
  const owner = await ownerUrl(serverUrl, SCHEMA_REGISTRY.database, secrets.registryDatabasePassword);
  const credentials = loadRegistryCredentials(
    path.join(DATA_DIR, 'schema-publishers.json'),
    SUBGRAPHS.map((s) => s.name),
  );
  const registry = launchService({
    name: 'registry',
    main: SCHEMA_REGISTRY.main,
    port: registryPort,
    env: {
      REGISTRY_DATABASE_URL: owner.url,
      SCHEMA_PUBLISHERS: JSON.stringify(credentials.publishers),
      REGISTRY_USAGE_TOKEN: credentials.usageToken,
    },
    logDir: LOG_DIR,
  });
  keep(registry);
  await registry.ready();
  const registryUrl = `http://127.0.0.1:${registryPort}`;
  const results = await publishCommittedSchemas({
    registryUrl,
    publishers: credentials.publishers,
    subgraphs,
  });
  for (const result of results)
    if (result.refused)
      console.warn(`schema registry: ${result.subgraph} not published from schema/: ${result.refused}`);
  return registryUrl;
}

/**
 * `npm start`: PostgreSQL (embedded unless DATABASE_URL is set), one database and one process per
 * subgraph, the demo data, the gateway; Ctrl-C stops them all in reverse order, PostgreSQL last.
 */
async function main() {
  const started = Date.now();
  const config = parseConfig(configSchema);
  const secrets = loadDevSecrets(DATA_DIR);
  const services: ServiceProcess[] = [];
  let database: DatabaseServer | undefined;
  let stopping = false;
  let backups: { stop(): void } | undefined;

  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    backups?.stop();
    for (const service of [...services].reverse()) await stopService(service);
    await database?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    const serverProblems = databaseServerProblems(SUBGRAPHS);
    if (serverProblems.length) throw new Error(serverProblems.join('; '));
    database = await startDatabaseServer(() => undefined, secrets.postgresPassword);
    // each subgraph's database on its own server when DATABASE_URL_<NAME> names one, else on this one
    const shared = database.url;
    const servers = new Map(SUBGRAPHS.map((s) => [s.name, subgraphDatabaseServer(s.name, shared)]));
    // the subgraphs' ports, then the schema registry's (index SUBGRAPHS.length)
    const port = (index: number) =>
      config.SUBGRAPH_PORT_BASE === undefined
        ? (SUBGRAPHS[index]?.port ?? SCHEMA_REGISTRY.port)
        : config.SUBGRAPH_PORT_BASE + index;
    const directory = SUBGRAPHS.findIndex((s) => s.name === DIRECTORY_SUBGRAPH);
    const owned = new Set<string>();
    const owners = new Map<string, string>();
    for (const subgraph of SUBGRAPHS) {
      const server = servers.get(subgraph.name)!;
      await ensureDatabase(server, subgraph.database);
      const owner = await ownerUrl(server, subgraph.database, secrets.databasePasswords[subgraph.name]);
      if (owner.ownRole) owned.add(subgraph.name);
      owners.set(subgraph.name, owner.url);
    }
    // the demo is loaded by each subgraph's seeder, side by side, before its own process starts
    await Promise.all(
      SUBGRAPHS.map((subgraph) =>
        runSeeder({
          name: subgraph.name,
          seed: subgraph.seed,
          databaseUrl: owners.get(subgraph.name)!,
          counties: config.DEMO_COUNTIES,
          logDir: LOG_DIR,
        }),
      ),
    );
    const launched: LaunchedService[] = [];
    for (const [index, subgraph] of SUBGRAPHS.entries()) {
      const service = launchService({
        name: subgraph.name,
        main: subgraph.main,
        port: port(index),
        env: {
          ...subgraphEnvironment({
            name: subgraph.name,
            databaseUrl: owners.get(subgraph.name)!,
            keys: secrets.keys,
            // every other subgraph checks the ids its writes name against the directory
            directoryUrl: index === directory ? undefined : `http://127.0.0.1:${port(directory)}/graphql`,
          }),
          // the audit chains are anchored outside PostgreSQL: a key it never sees, checkpoints beside the logs
          AUDIT_ANCHOR_KEY: secrets.auditAnchorKey,
          AUDIT_CHECKPOINT_DIR: path.join(DATA_DIR, 'audit-checkpoints'),
          LOG_LEVEL: config.LOG_LEVEL,
        },
        logDir: LOG_DIR,
      });
      services.push(service);
      launched.push(service);
    }
    await Promise.all(launched.map((service) => service.ready()));
    // migrations have run: the audit trail passes to a keeper role the subgraphs cannot act as
    for (const subgraph of SUBGRAPHS.filter((s) => owned.has(s.name)))
      await lockAuditTrail(servers.get(subgraph.name)!, subgraph.database, subgraph.database);
    const registryUrl = await startSchemaRegistry(
      database.url,
      secrets,
      port(SUBGRAPHS.length),
      SUBGRAPHS.map((s, index) => ({ name: s.name, url: `http://127.0.0.1:${port(index)}/graphql` })),
      (service) => services.push(service),
    );
    const registryCredentials = loadRegistryCredentials(
      path.join(DATA_DIR, 'schema-publishers.json'),
      SUBGRAPHS.map((s) => s.name),
    );
    const gatewayEnv: Record<string, string> = {
      // the gateway follows the registry's supergraph; departments publish to it (README: "Changing a subgraph")
      SUPERGRAPH_REGISTRY_URL: registryUrl,
      REGISTRY_USAGE_TOKEN: registryCredentials.usageToken,
      JWT_SECRET: secrets.jwtSecret,
      ...gatewayTrustEnvironment(secrets.keys),
      METRICS_TOKEN: secrets.metricsToken,
      LOG_LEVEL: config.LOG_LEVEL,
      // /readyz and /metrics report how old the embedded server's latest (verified) backup is
      ...(database.embedded
        ? {
            BACKUP_STATUS_FILE: statusFile(database.embedded.backupDir),
            BACKUP_VERIFY_MAX_AGE_HOURS: String(config.BACKUP_VERIFY_MAX_AGE_HOURS),
          }
        : {}),
    };
    for (const [index, subgraph] of SUBGRAPHS.entries()) {
      gatewayEnv[subgraphEnvName(subgraph.name, 'URL')] = `http://127.0.0.1:${port(index)}/graphql`;
    }
    const gateway = launchService({
      name: 'gateway',
      main: GATEWAY_MAIN,
      port: config.GATEWAY_PORT,
      env: gatewayEnv,
      logDir: LOG_DIR,
    });
    services.push(gateway);
    await gateway.ready();
    await printBanner({
      gatewayUrl: `http://127.0.0.1:${config.GATEWAY_PORT}`,
      database: database.description,
      jwtSecret: secrets.jwtSecret,
      logDir: LOG_DIR,
      seconds: (Date.now() - started) / 1000,
    });
    if (database.embedded) {
      const status = describeStatus(database.embedded.backupDir, config.BACKUP_VERIFY_MAX_AGE_HOURS);
      console.log(`Backups: ${status.line}`);
      if (status.warning) console.warn(`Warning: ${status.warning}`);
      if (config.BACKUP_EVERY_HOURS > 0)
        backups = scheduleBaseBackups({
          adminUrl: database.url,
          backupDir: database.embedded.backupDir,
          everyHours: config.BACKUP_EVERY_HOURS,
          keep: config.BACKUP_KEEP,
        });
    }
    // a process that exits is launched again with backoff while the others keep serving
    superviseServices(services, {
      stopping: () => stopping,
      // without the gateway nothing answers: giving up on it stops the platform
      onGiveUp: (service) => {
        if (service.name !== 'gateway') return;
        console.error('Nothing answers without the gateway: stopping the platform.');
        void stopAll(1);
      },
    });
  } catch (error) {
    const expected =
      error instanceof ConfigError || error instanceof EmbeddedPostgresError || error instanceof Error;
    console.error(`npm start failed: ${expected ? (error as Error).message : String(error)}`);
    await stopAll(1);
  }
}

void main();
