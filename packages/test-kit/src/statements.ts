import type { MikroORM } from '@mikro-orm/postgresql';

/** Counts the SQL statements the ORM sends while `work` runs: the check behind "one statement per level". */
export async function countStatements<T>(
  orm: MikroORM,
  work: () => Promise<T>,
): Promise<{ result: T; sql: string[] }> {
  const knex = orm.em.getConnection().getKnex();
  const sql: string[] = [];
  const listener = (query: { sql: string }) => sql.push(query.sql);
  knex.on('query', listener);
  try {
    return { result: await work(), sql };
  } finally {
    knex.removeListener('query', listener);
  }
}
