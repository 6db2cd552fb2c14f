import type { EntityManager } from '@mikro-orm/postgresql';
import { pgArray } from '../pg-array';

/** Column name → PostgreSQL type, for `unnest`. */
export type ColumnTypes = Record<string, string>;

const CHUNK = 250_000;

/**
 * Multi-row INSERT of many rows as one array parameter per column (`insert … select * from unnest(…)`):
 * PostgreSQL parses typed arrays much faster than a JSON recordset, and there is no parameter ceiling.
 * Chunks are large (a county-year is one statement) so the next county is generated while this one loads.
 */
export async function insertColumns(
  em: EntityManager,
  table: string,
  types: ColumnTypes,
  rows: Record<string, unknown>[],
): Promise<void> {
  const columns = Object.keys(types);
  const sql = `insert into ${table} (${columns.join(', ')}) select * from unnest(${columns
    .map((c) => `?::${types[c]}[]`)
    .join(', ')})`;
  for (let start = 0; start < rows.length; start += CHUNK) {
    const chunk = rows.slice(start, start + CHUNK);
    await em.getConnection().execute(
      sql,
      columns.map((c) => pgArray(chunk.map((row) => row[c]))),
      'run',
      em.getTransactionContext(),
    );
  }
}

export const CASE_COLUMNS: ColumnTypes = {
  id: 'uuid',
  item_id: 'uuid',
  centre_id: 'uuid',
  region_code: 'text',
  level: 'text',
  channel: 'text',
  proxy_agent_id: 'uuid',
  applicant_kind: 'text',
  status: 'text',
  received_at: 'timestamptz',
  accepted_at: 'timestamptz',
  completed_at: 'timestamptz',
  extension_days: 'smallint',
  working_days: 'smallint',
  on_time: 'boolean',
  visits: 'smallint',
  result: 'text',
};

export const RATING_COLUMNS: ColumnTypes = {
  case_id: 'uuid',
  score: 'smallint',
  rated_at: 'timestamptz',
  rectify_by: 'date',
  return_visit_at: 'timestamptz',
  rectified_at: 'timestamptz',
};

export const SUSPENSION_COLUMNS: ColumnTypes = {
  id: 'uuid',
  case_id: 'uuid',
  reason: 'text',
  started_on: 'date',
  ended_on: 'date',
};

const run = (em: EntityManager, sql: string) =>
  em.getConnection().execute<{ sql: string }[]>(sql, [], 'all', em.getTransactionContext());

/**
 * Runs `load` with the table's secondary indexes dropped, then builds them again from their own
 * definitions: one sort per index instead of millions of index insertions. In the caller's transaction, so
 * a failure leaves the indexes as they were.
 */
export async function withoutSecondaryIndexes(
  em: EntityManager,
  table: string,
  load: () => Promise<void>,
): Promise<void> {
  const indexes = await run(
    em,
    `select indexdef as sql, indexname from pg_indexes i join pg_class c on c.relname = i.indexname
      join pg_index x on x.indexrelid = c.oid where i.tablename = '${table}' and not x.indisprimary and not x.indisunique`,
  );
  for (const index of indexes)
    await run(em, `drop index "${(index as unknown as { indexname: string }).indexname}"`);
  await load();
  for (const index of indexes) await run(em, index.sql);
}
