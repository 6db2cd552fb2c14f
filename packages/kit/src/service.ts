import 'reflect-metadata';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { ConfigError, parseConfig, subgraphConfigSchema, type SubgraphConfig } from './config';
import { createLogger, type Logger } from './logger';
import {
  DatabaseUnreachableError,
  migrate,
  openDatabase,
  type EntityList,
  type MigrationList,
} from './database';
import { buildFederatedSchema, type SubgraphSchemaDefinition } from './schema';
import { SubgraphServer } from './server';
import { PortInUseError } from './http';
import type { FileRoute } from './files';
import type { Permissions } from './permissions';
import type { DirectoryEndpoint } from './directory';
import { CallerTokenSigner, CallerTokenVerifier } from './trust/caller-token';
import { ServiceMetrics } from './metrics';
import { startAuditAnchor, withAuditAnchor } from './audit';
import { PreparedRead } from './prepared-read';
import { attachRegionCopy, DEFAULT_REGION_COPY_INTERVAL_MS } from './region-copy/region-copy.sync';

/** Everything the kit needs to run one subgraph: a few small files in the service provide it. */
export interface SubgraphDefinition extends SubgraphSchemaDefinition {
  entities: EntityList;
  migrations: MigrationList;
  /** Its demo seeder's module (`seeding.ts`): loaded by the launchers, never by this process. */
  seeder?: string;
  /**
   * Its rollup tables compared with a recount of their sources: rows that differ, per table. A restore
   * (packages/platform/src/backup) checks every subgraph that has one.
   */
  rollupDifferences?: (em: EntityManager) => Promise<Record<string, number>>;
  /** Its writes name directory records: it needs DIRECTORY_URL and DIRECTORY_KEY to start. */
  usesDirectory?: boolean;
  /** Spreadsheet endpoints, served under /files/ (and by the gateway under /files/<name>/). */
  files?: FileRoute[];
  /**
   * Who may do what: every action it guards, each checked with `assertPerformAction` (its
   * `src/permissions.ts`). Its README's "Who may do what" table is generated from it.
   */
  permissions?: Permissions;
  /**
   * Work the subgraph keeps beside its requests (data it loads at start, background jobs, timers). Attached
   * after the migrations; stopped before the pool closes.
   */
  attach?: (process: SubgraphProcess) => Promise<SubgraphAttachment>;
}

/** What `attach` gets: the migrated database, the logger and the metrics served at /metrics. */
export interface SubgraphProcess {
  orm: MikroORM;
  logger: Logger;
  metrics: ServiceMetrics;
}

export interface SubgraphAttachment {
  /** Facts added to /readyz. */
  readiness?: () => Record<string, unknown>;
  stop?: () => Promise<void>;
}

export interface RunningSubgraph {
  url: string;
  orm: MikroORM;
  /** Refreshes the copy of people's region tree now (a directory-using subgraph); resolves with its size. */
  syncRegionCopy?: () => Promise<number>;
  stop(): Promise<void>;
}

/** Opens the database, migrates it, builds the schema and listens. */
export async function startSubgraph(
  definition: SubgraphDefinition,
  config: SubgraphConfig,
  logger: Logger = createLogger(definition.name, config.LOG_LEVEL),
): Promise<RunningSubgraph> {
  const directory = directoryEndpoint(definition, config);
  const orm = await openDatabase(config.DATABASE_URL, definition.entities, definition.migrations, {
    max: config.DB_POOL_MAX,
    acquireTimeoutMs: config.DB_POOL_ACQUIRE_TIMEOUT_MS,
  });
  PreparedRead.enabled = config.DB_PREPARED_STATEMENTS !== 'false';
  const metrics = new ServiceMetrics(definition.name);
  let attachment: SubgraphAttachment = {};
  try {
    const applied = await migrate(orm);
    if (applied.length) logger.info({ migrations: applied }, 'migrations applied');
    attachment = (await definition.attach?.({ orm, logger, metrics })) ?? {};
    attachment = withAuditAnchor(attachment, await startAuditAnchor(definition.name, orm, logger, config));
    const regionCopy =
      definition.usesDirectory && directory
        ? await attachRegionCopy(orm, directory, logger, {
            intervalMs: config.REGION_COPY_INTERVAL_MS ?? DEFAULT_REGION_COPY_INTERVAL_MS,
          })
        : undefined;
    if (regionCopy) attachment = withRegionCopy(attachment, regionCopy);
    const schema = await buildFederatedSchema(definition);
    const server = new SubgraphServer({
      name: definition.name,
      schema,
      orm,
      callers: new CallerTokenVerifier(definition.name, config.GATEWAY_KEYS, config.DIRECTORY_CLIENT_KEYS),
      logger,
      directory,
      files: definition.files,
      metrics,
      readiness: attachment.readiness,
    });
    const url = await server.listen(config.PORT, config.HOST);
    const stop = async () => {
      await attachment.stop?.();
      await server.stop(config.SHUTDOWN_TIMEOUT_MS);
    };
    return { url, orm, stop, syncRegionCopy: regionCopy?.sync };
  } catch (error) {
    await attachment.stop?.();
    await orm.close(true);
    throw error;
  }
}

function withRegionCopy(attachment: SubgraphAttachment, copy: SubgraphAttachment): SubgraphAttachment {
  return {
    readiness: () => ({ ...attachment.readiness?.(), ...copy.readiness?.() }),
    stop: async () => {
      await copy.stop?.();
      await attachment.stop?.();
    },
  };
}

function directoryEndpoint(
  definition: SubgraphDefinition,
  config: SubgraphConfig,
): DirectoryEndpoint | undefined {
  const { DIRECTORY_URL: url, DIRECTORY_KEY: key, DIRECTORY_TIMEOUT_MS: timeoutMs } = config;
  if (url && key) {
    try {
      return {
        url,
        signer: CallerTokenSigner.forService(definition.name, key),
        service: definition.name,
        timeoutMs,
      };
    } catch (error) {
      throw new ConfigError(`Invalid configuration: DIRECTORY_KEY: ${(error as Error).message}`);
    }
  }
  if (definition.usesDirectory) {
    throw new ConfigError(
      `Invalid configuration: the ${definition.name} subgraph checks ids against the people subgraph: ` +
        'set DIRECTORY_URL (its /graphql URL) and DIRECTORY_KEY (its own signing key)',
    );
  }
  return undefined;
}

const EXPECTED = [ConfigError, DatabaseUnreachableError, PortInUseError];

/** On SIGINT or SIGTERM, once: `stop` (drain, close), then exit 0, or 1 if stopping failed. */
export function stopOnSignals(logger: Logger, stop: () => Promise<void>): void {
  let stopping = false;
  const onSignal = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: finishing in-flight requests');
    stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'unclean stop');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/**
 * The `main` of every subgraph process: configuration from the environment, clear one-line failures
 * for the mistakes an operator makes, and a graceful stop on SIGINT/SIGTERM.
 */
export function runSubgraphMain(definition: SubgraphDefinition): void {
  const start = async () => {
    const config = parseConfig(subgraphConfigSchema);
    const logger = createLogger(definition.name, config.LOG_LEVEL);
    const running = await startSubgraph(definition, config, logger);
    logger.info({ url: running.url }, 'subgraph ready');
    stopOnSignals(logger, running.stop);
  };
  start().catch((error: unknown) => {
    const expected = EXPECTED.some((kind) => error instanceof kind);
    console.error(
      `[${definition.name}] ${expected ? (error as Error).message : String((error as Error)?.stack ?? error)}`,
    );
    process.exit(1);
  });
}
