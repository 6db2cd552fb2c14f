import type { MikroORM } from '@mikro-orm/postgresql';
import { migrate, openDatabase } from '@county/kit';
import { createTestDatabase, type TestDatabase } from '@county/test-kit';
import { peopleEntities } from '../src/subgraph';
import { migrations } from '../src/migrations';
import * as sql from '../src/workforce-stats/workforce-stats.sql';

let database: TestDatabase;
let orm: MikroORM;

beforeAll(async () => {
  database = await createTestDatabase('people_plans');
  orm = await openDatabase(database.url, peopleEntities, migrations);
  await migrate(orm);
});
afterAll(async () => {
  await orm.close();
  await database.drop();
});

/**
 * The plan PostgreSQL caches for a prepared statement (any parameters), with sequential scans priced out:
 * a table it still reads whole is one no index could serve.
 */
async function genericPlan(statement: string): Promise<string> {
  let n = 0;
  const text = statement.replace(/\?/g, () => `$${++n}`);
  return orm.em.fork().transactional(async (em) => {
    const connection = em.getConnection();
    const tx = em.getTransactionContext();
    await connection.execute('set local enable_seqscan = off', [], 'all', tx);
    const rows = await connection.execute<{ 'QUERY PLAN': string }[]>(
      `explain (generic_plan) ${text}`,
      [],
      'all',
      tx,
    );
    return rows.map((row) => row['QUERY PLAN']).join('\n');
  });
}

describe('the workforce statistics read a region’s organisations as index ranges, whatever plan is cached', () => {
  it.each([
    ['community workforce (a column of patterns, one per region asked)', sql.COMMUNITY_WORKFORCE],
    ['cadres in secondment today', sql.IN_SECONDMENT_NOW],
    ['people by role', sql.PEOPLE_BY_ROLE],
  ])('%s: its own code’s range and the merged ones’', async (_label, statement) => {
    const lines = (await genericPlan(statement)).split('\n');
    const reads = lines.flatMap((line, i) => (/ on organization /.test(line) ? [lines[i + 1]] : []));
    // the region's own range and the merged regions' ranges, each bounded by the index (a `like` on a
    // pattern no plan knows was a filter over every entry of it)
    expect(reads).toHaveLength(2);
    for (const read of reads)
      expect(read).toMatch(/Index Cond: \(\(region_code ~>=~ .* AND \(region_code ~<=~ rpad\(/);
  });
});
