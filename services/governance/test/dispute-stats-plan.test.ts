import type { MikroORM } from '@mikro-orm/postgresql';
import { migrate, openDatabase } from '@county/kit';
import { createTestDatabase, type TestDatabase } from '@county/test-kit';
import { governanceEntities } from '../src/subgraph';
import { migrations } from '../src/migrations';
import { COUNTS_SQL } from '../src/dispute/dispute-stats';

let database: TestDatabase;
let orm: MikroORM;

beforeAll(async () => {
  database = await createTestDatabase('governance_plans');
  orm = await openDatabase(database.url, governanceEntities, migrations);
  await migrate(orm);
});
afterAll(async () => {
  await orm.close();
  await database.drop();
});

/** The plan PostgreSQL caches for a prepared statement (any parameters), sequential scans priced out. */
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

it('reads each code of a query level’s regions as index ranges of its own, never a list of codes joined back', async () => {
  const plan = await genericPlan(COUNTS_SQL);
  const conditions = plan.match(/Index Cond: .*/g) ?? [];
  // the month rows, the head days and the tail days
  expect(conditions).toHaveLength(3);
  for (const condition of conditions) expect(condition).toMatch(/\(region_code\)::text = s\.code\)/);
  expect(plan).not.toMatch(/ANY|Join Filter/);
});
