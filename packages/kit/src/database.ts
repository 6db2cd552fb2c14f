import { AuditRecord, AuditSubscriber, KitAuditTrail20261122 } from './audit';
import {
  IdempotentCommit,
  IdempotentCommitSubscriber,
  IdempotentRequest,
  KitIdempotency20261122,
  KitIdempotency20261205,
  KitIdempotencyCommit20261205,
} from './idempotency';
import { ImportJob } from './imports/import-job.entity';
import { KitImportJobs20261205 } from './imports/import-job.migration';
import { FeedSourceState } from './feeds/feed-source-state.entity';
import { FeedRecord } from './feeds/feed-record.entity';
import { KitImportJobsFeeds20261205 } from './feeds/feed.migration';
import {
  DirectoryCopySync,
  DirectoryRegion,
  DirectoryRegionSuccession,
  OrganizationCopy,
} from './region-copy/region-copy.entity';
import { KitRegionSuccessionCopy20261205 } from './region-copy/region-succession.migration';
import { KitDirectoryCopy20261205 } from './region-copy/region-copy.migration';
import { MikroORM, PostgreSqlDriver, type EntityManager, type Options } from '@mikro-orm/postgresql';
import { Migrator } from '@mikro-orm/migrations';
import type { MigrationObject } from '@mikro-orm/core';
import pg from 'pg';

export type MigrationList = MigrationObject[];
// MikroORM accepts entity classes of any shape
// eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
export type EntityList = Function[];

export class DatabaseUnreachableError extends Error {}

/** The URL with its password hidden, for messages and logs. */
export function redactUrl(url: string): string {
  try {
    const parsed = new URL(url);
    if (parsed.password) parsed.password = '***';
    return parsed.toString();
  } catch {
    return '(unparseable URL)';
  }
}

export interface PoolSettings {
  /** Connections at most (default 10). */
  max?: number;
  /** How long a query waits for a free connection (default 10 s). */
  acquireTimeoutMs?: number;
}

/** MikroORM settings shared by the services and their migration CLI. */
export function ormOptions(
  url: string,
  entities: EntityList,
  migrations: MigrationList,
  pool: PoolSettings = {},
): Options {
  return {
    driver: PostgreSqlDriver,
    clientUrl: url,
    // every subgraph keeps its own audit trail, written in the same flush as the writes it records
    entities: [
      ...entities,
      AuditRecord,
      IdempotentRequest,
      IdempotentCommit,
      ImportJob,
      FeedSourceState,
      FeedRecord,
      DirectoryRegion,
      DirectoryRegionSuccession,
      OrganizationCopy,
      DirectoryCopySync,
    ],
    // the commit mark after the audit: it is no change of the domain's to record
    subscribers: [new AuditSubscriber(), new IdempotentCommitSubscriber()],
    extensions: [Migrator],
    migrations: {
      migrationsList: [
        ...migrations,
        { name: 'KitAuditTrail20261122', class: KitAuditTrail20261122 },
        { name: 'KitIdempotency20261122', class: KitIdempotency20261122 },
        { name: 'KitIdempotency20261205', class: KitIdempotency20261205 },
        { name: 'KitIdempotencyCommit20261205', class: KitIdempotencyCommit20261205 },
        { name: 'KitImportJobs20261205', class: KitImportJobs20261205 },
        { name: 'KitDirectoryCopy20261205', class: KitDirectoryCopy20261205 },
        { name: 'KitImportJobsFeeds20261205', class: KitImportJobsFeeds20261205 },
        { name: 'KitRegionSuccessionCopy20261205', class: KitRegionSuccessionCopy20261205 },
      ],
      transactional: true,
      allOrNothing: true,
      snapshot: false,
      silent: true,
    },
    discovery: { disableDynamicFileAccess: true, requireEntitiesArray: true },
    allowGlobalContext: false,
    forceUtcTimezone: true,
    pool: { min: 0, max: pool.max ?? 10, acquireTimeoutMillis: pool.acquireTimeoutMs ?? 10_000 },
    debug: false,
  };
}

/** Opens the subgraph's own database; fails with a message naming the server when it cannot be reached. */
export async function openDatabase(
  url: string,
  entities: EntityList,
  migrations: MigrationList,
  pool: PoolSettings = {},
): Promise<MikroORM> {
  const unreachable = (reason: unknown) =>
    new DatabaseUnreachableError(
      `The database at ${redactUrl(url)} is unreachable: ${String(reason ?? 'no answer')}`,
    );
  let orm: MikroORM;
  try {
    orm = await MikroORM.init(ormOptions(url, entities, migrations, pool));
  } catch (error) {
    // connection failures carry a code (ECONNREFUSED, ENOTFOUND, 28P01 bad password, 3D000 no database);
    // anything else is a mistake in the service's own metadata and keeps its own message
    if (typeof (error as { code?: unknown }).code === 'string') throw unreachable((error as Error).message);
    throw error;
  }
  const check = await orm.checkConnection();
  if (!check.ok) {
    await orm.close(true);
    throw new DatabaseUnreachableError(
      `The database at ${redactUrl(url)} is unreachable: ${check.reason ?? 'no answer'}`,
    );
  }
  return orm;
}

/**
 * Applies the committed migrations that have not run yet; returns their names. Replicas that start together
 * take turns under the database's migration lock (`withMigrationLock`), so each migration runs exactly once
 * and the others find it applied. The lock is the database's: the subgraphs' databases never wait for one another.
 */
export async function migrate(orm: MikroORM): Promise<string[]> {
  return withMigrationLock(orm.config.get('clientUrl')!, async () =>
    (await orm.getMigrator().up()).map((migration) => migration.name),
  );
}

/**
 * Runs `work` holding the migration lock of the database at `url`: a transaction advisory lock, in a
 * transaction kept open on a connection of its own beside the pool the migrator uses. Not a session lock:
 * behind PgBouncer in transaction mode a session's server connection goes back to the pool after each
 * statement, so a session lock would stay with a pooled connection that the next replica may be handed
 * (and granted the lock again); an open transaction keeps its server connection to itself.
 */
export async function withMigrationLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const lock = new pg.Client({ connectionString: url });
  await lock.connect();
  try {
    await lock.query('begin');
    await lock.query('select pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
    return await work();
  } finally {
    // ending the transaction releases the lock; closing the session does when the rollback cannot be sent
    await lock.query('rollback').catch(() => undefined);
    await lock.end().catch(() => undefined);
  }
}

/** The advisory lock key of migrations (any bigint; advisory locks are scoped to the database). */
const MIGRATION_LOCK = '7224660119';

export async function isDatabaseReady(orm: MikroORM): Promise<boolean> {
  try {
    await orm.em.getConnection().execute('select 1');
    return true;
  } catch {
    return false;
  }
}

const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * Inserts many rows in one statement: the rows travel as a single JSON parameter, so there is no
 * 65535-parameter ceiling and no round trip per row. Runs inside the EntityManager's transaction, if any.
 */
export async function bulkInsert(
  em: EntityManager,
  table: string,
  rows: Record<string, unknown>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0]);
  if (![table, ...columns].every((name) => IDENTIFIER.test(name)))
    throw new Error(`bad identifier in ${table}`);
  const list = columns.map((column) => `"${column}"`).join(', ');
  await em
    .getConnection()
    .execute(
      `insert into "${table}" (${list}) select ${list} from json_populate_recordset(null::"${table}", ?::json)`,
      [JSON.stringify(rows)],
      'run',
      em.getTransactionContext(),
    );
}
