import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { EntityManager } from '@mikro-orm/postgresql';
import { stringify } from 'csv-stringify';
import type { PoolClient } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

/** A knex transaction's client hands out the transaction's own connection. */
interface TransactionContext {
  client: { acquireConnection(): Promise<PoolClient> };
}

const cell = (value: unknown) => (typeof value === 'boolean' ? (value ? 't' : 'f') : value);

/**
 * `COPY … FROM STDIN` of many rows, in the caller's transaction: PostgreSQL's fastest way in, rows streamed
 * as CSV while they are formatted, so Node and PostgreSQL work side by side.
 */
export async function copyRows(
  em: EntityManager,
  table: string,
  columns: readonly string[],
  rows: Record<string, unknown>[],
): Promise<void> {
  const transaction = em.getTransactionContext<TransactionContext>();
  if (!transaction) throw new Error(`copyRows(${table}) must run inside a transaction`);
  const connection = await transaction.client.acquireConnection();
  const sink = connection.query(
    copyFrom(`copy ${table} (${columns.join(', ')}) from stdin with (format csv)`),
  );
  await pipeline(
    Readable.from(rows.map((row) => columns.map((column) => cell(row[column])))),
    stringify(),
    sink,
  );
}

export const CASE_COLUMNS = [
  'id',
  'item_id',
  'centre_id',
  'region_code',
  'level',
  'channel',
  'proxy_agent_id',
  'applicant_kind',
  'status',
  'received_at',
  'accepted_at',
  'completed_at',
  'extension_days',
  'working_days',
  'on_time',
  'visits',
  'result',
] as const;

export const RATING_COLUMNS = [
  'case_id',
  'score',
  'rated_at',
  'rectify_by',
  'return_visit_at',
  'rectified_at',
] as const;

export const SUSPENSION_COLUMNS = ['id', 'case_id', 'reason', 'started_on', 'ended_on'] as const;

const run = (em: EntityManager, sql: string) =>
  em.getConnection().execute<{ sql: string; name: string }[]>(sql, [], 'all', em.getTransactionContext());

/** Drops the table's secondary indexes; returns their definitions for `buildIndexes`. */
export async function dropSecondaryIndexes(em: EntityManager, table: string): Promise<string[]> {
  const indexes = await run(
    em,
    `select indexdef as sql, indexname as name from pg_indexes i join pg_class c on c.relname = i.indexname
      join pg_index x on x.indexrelid = c.oid where i.tablename = '${table}' and not x.indisprimary and not x.indisunique`,
  );
  for (const index of indexes) await run(em, `drop index "${index.name}"`);
  return indexes.map((index) => index.sql);
}

/**
 * Builds a table's indexes from their definitions, one in-memory sort each instead of merging runs from
 * disk, then analyses the table so the planner knows its new contents at once.
 */
export async function buildIndexes(em: EntityManager, table: string, definitions: string[]): Promise<void> {
  await run(em, `set local maintenance_work_mem = '512MB'`);
  for (const sql of definitions) await run(em, sql);
  await run(em, `analyze ${table}`);
}

/**
 * Runs `load` with the table's secondary indexes dropped, then builds them again: one sort per index
 * instead of millions of index insertions. In the caller's transaction, so a failure leaves the indexes as
 * they were.
 */
export async function withoutSecondaryIndexes(
  em: EntityManager,
  table: string,
  load: () => Promise<void>,
): Promise<void> {
  const definitions = await dropSecondaryIndexes(em, table);
  await load();
  await buildIndexes(em, table, definitions);
}
