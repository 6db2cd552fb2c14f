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

/** `COPY … FROM STDIN` of the staged rows, in the caller's transaction, streamed as CSV while formatted. */
export async function copyStaged(
  em: EntityManager,
  table: string,
  columns: readonly string[],
  rows: readonly Record<string, unknown>[],
): Promise<void> {
  const transaction = em.getTransactionContext<TransactionContext>();
  if (!transaction) throw new Error(`copyStaged(${table}) must run inside a transaction`);
  const connection = await transaction.client.acquireConnection();
  const sink = connection.query(
    copyFrom(`copy ${table} (${columns.map((c) => `"${c}"`).join(', ')}) from stdin with (format csv)`),
  );
  await pipeline(
    Readable.from(rows.map((row) => columns.map((column) => cell(row[column])))),
    stringify(),
    sink,
  );
}
