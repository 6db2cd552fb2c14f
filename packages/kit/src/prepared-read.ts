import { createHash } from 'node:crypto';
import type { EntityManager, Knex } from '@mikro-orm/postgresql';

/**
 * A read-only statement (`?` placeholders, as `em.getConnection().execute` takes) run as a named prepared
 * statement: PostgreSQL parses and plans it once per pooled connection and then keeps a generic plan when
 * that is no worse, where an unnamed statement is planned on every call. The statistics statements behind
 * a cockpit cost more to plan (0.5–2 ms) than to run. It goes through public APIs only: knex's `raw` with
 * `options({ name })`, which knex's PostgreSQL dialect hands to `pg` as the query's name (node-postgres
 * then parses it once per connection); inside a transaction it runs on the transaction's connection. The
 * ORM's `query` event is emitted as for any statement (statement counts, logs).
 *
 * Only for statements whose best plan does not depend on the values: equality and ranges on an index's
 * leading columns, or tables small enough to scan (reform's ledger). A `LIKE ?` pattern on a large table
 * is the counter-example: its generic plan cannot use the pattern's prefix (people's count of cadres in
 * secondment went from 0.8 ms to 14.8 ms prepared).
 */
export class PreparedRead<R> {
  /**
   * Off behind a pooler in transaction mode (DB_PREPARED_STATEMENTS=false): the next transaction may run on
   * a server connection that never saw the statement's name. Set once at start, for the whole process.
   */
  static enabled = true;

  private readonly name: string;
  private static readonly shared = new Map<string, PreparedRead<unknown>>();

  /** The one PreparedRead of `sql`, for statements kept as text (their name is computed once). */
  static of<R>(sql: string): PreparedRead<R> {
    let read = PreparedRead.shared.get(sql);
    if (!read) PreparedRead.shared.set(sql, (read = new PreparedRead(sql)));
    return read as PreparedRead<R>;
  }

  constructor(private readonly sql: string) {
    this.name = `read_${createHash('sha1').update(sql).digest('hex').slice(0, 20)}`;
  }

  run(em: EntityManager, values: readonly unknown[]): Promise<R[]> {
    return readStatement<R>(em, this.sql, values, PreparedRead.enabled ? this.name : undefined);
  }
}

/**
 * Runs a read-only statement with its values as parameters (`?` placeholders), named (prepared) or not, on
 * the transaction's connection inside one. Without a name PostgreSQL plans it for its values every time:
 * for statements whose best plan depends on them (a `LIKE ?` prefix, a selective filter).
 */
export async function readStatement<R>(
  em: EntityManager,
  sql: string,
  values: readonly unknown[],
  name?: string,
): Promise<R[]> {
  const knex = em.getConnection().getKnex();
  const raw = knex.raw(sql, values as readonly Knex.RawBinding[]);
  if (name) raw.options({ name });
  const transaction = em.getTransactionContext<Knex.Transaction>();
  const result = (await (transaction ? raw.transacting(transaction) : raw)) as { rows: R[] };
  return result.rows;
}
