import type { MikroORM } from '@mikro-orm/postgresql';
import { migrate, openDatabase } from '@county/kit';
import { createTestDatabase, type TestDatabase } from '@county/test-kit';
import { govServicesEntities } from '../src/subgraph';
import { migrations } from '../src/migrations';
import { FIGURES_SQL } from '../src/stats/service-stats.query';

let database: TestDatabase;
let orm: MikroORM;

beforeAll(async () => {
  database = await createTestDatabase('gov_services_plans');
  orm = await openDatabase(database.url, govServicesEntities, migrations);
  await migrate(orm);
});
afterAll(async () => {
  await orm.close();
  await database.drop();
});

/** The plan PostgreSQL caches for a prepared statement (any parameters). */
async function genericPlan(statement: string): Promise<string> {
  let n = 0;
  const text = statement.replace(/\?/g, () => `$${++n}`);
  const rows = await orm.em
    .fork()
    .getConnection()
    .execute<{ 'QUERY PLAN': string }[]>(`explain (generic_plan) ${text}`);
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}

it('sums each code’s durations by working days as it reads them, before the regions’ histograms are built', async () => {
  const plan = await genericPlan(FIGURES_SQL);
  // a township's year is ~300 month rows of ~40 values: grouped per code, not carried by month to the end
  expect(plan).toMatch(/Group Key: rollup_duration_month\.working_days\n/);
});
