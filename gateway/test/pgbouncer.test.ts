import { Client } from 'pg';
import { creditCodeCheckChar } from '@county/domain';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { startPgbouncer, type RunningPgbouncer } from '@county/debian-binaries';
import { migrate, openDatabase, withMigrationLock } from '@county/kit';
import { peopleEntities, peopleSubgraph } from '@county/people';
import { reformSubgraph } from '@county/reform';
import {
  createTestDatabase,
  startTestGateway,
  startTestSubgraph,
  TEST_SERVER_ENV,
  type TestGateway,
  type TestSubgraph,
} from '@county/test-kit';
import { migrations } from '../../services/people/src/migrations';

/*
 * Issue 20: every database connection of this file goes through PgBouncer (Debian's 1.18) in transaction
 * mode: the demo seeding and the migrations, two subgraphs behind the gateway reading across domains
 * (statistics, DataLoader batches of entities), a write, concurrent reads on a pool smaller than the ORM's.
 */
const POOL_SIZE = 3;
const direct = process.env[TEST_SERVER_ENV]!;
let pgbouncer: RunningPgbouncer;
let people: TestSubgraph;
let reform: TestSubgraph;
let gateway: TestGateway;
const leader = { claims: { sub: 'pooled-leader', roles: ['leader'] } };
const pooled = { DB_PREPARED_STATEMENTS: 'false' } as const;

beforeAll(async () => {
  pgbouncer = await startPgbouncer({ serverUrl: direct, poolMode: 'transaction', poolSize: POOL_SIZE });
  // the test kit creates, seeds, migrates and serves each database through this URL
  process.env[TEST_SERVER_ENV] = pgbouncer.through(direct);
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1, env: pooled });
  reform = await startTestSubgraph(reformSubgraph, { demoCounties: 1, directory: people, env: pooled });
  gateway = await startTestGateway([people, reform]);
}, 120_000);
afterAll(async () => {
  await gateway?.stop();
  await reform?.close();
  await people?.close();
  process.env[TEST_SERVER_ENV] = direct;
  await pgbouncer?.stop();
});

/** Statements on the server itself, not through the pooler (in `database` when given). */
async function onServer<R extends Record<string, unknown>>(
  sql: string,
  params: unknown[] = [],
  database?: string,
): Promise<R[]> {
  const url = new URL(direct);
  if (database) url.pathname = `/${database}`;
  const client = new Client({ connectionString: url.toString() });
  await client.connect();
  try {
    return (await client.query<R>(sql, params)).rows;
  } finally {
    await client.end();
  }
}

const CROSS_DOMAIN = `query CrossDomain($year: Int!, $first: Int!) { region(code: "${DEMO_COUNTY_CODE}") {
    name reformStats(year: $year) { total byLeadOrganization { organization { name } total } }
    children { code reformStats(year: $year) { total } } }
  reformTasks(year: 2019, keyOnly: true, first: $first) { nodes { code leadOrganization { name } leader { name } } } }`;

describe('subgraphs behind PgBouncer in transaction mode (DB_PREPARED_STATEMENTS=false)', () => {
  it('connect through the pooler, which holds at most its pool of server connections per database', async () => {
    expect(new URL(people.database.url).port).toBe(String(pgbouncer.port));
    expect(new URL(reform.database.url).port).toBe(String(pgbouncer.port));
    const reformDb = new URL(reform.database.url).pathname.slice(1);
    // twelve different documents at once: none shares another's answer, each runs its own statements
    const answers = await Promise.all(
      Array.from({ length: 12 }, (_, i) =>
        gateway.query<any>(CROSS_DOMAIN, { year: 2015 + i, first: 20 - i }, leader),
      ),
    );
    for (const answer of answers) expect(answer.errors).toBeUndefined();
    const [{ n }] = await onServer<{ n: number }>(
      `select count(*)::int as n from pg_stat_activity where datname = $1`,
      [reformDb],
    );
    // the ORM pools 10 connections; the server sees the pooler's few
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThanOrEqual(POOL_SIZE);
  });

  it('answer cross-domain reads: statistics, and entities batched by DataLoader', async () => {
    const { data, errors } = await gateway.query<any>(CROSS_DOMAIN, { year: 2020, first: 20 }, leader);
    expect(errors).toBeUndefined();
    expect(data.region.reformStats.total).toBeGreaterThan(50);
    expect(data.region.reformStats.byLeadOrganization[0].organization.name).toEqual(expect.any(String));
    expect(data.region.children.some((c: any) => c.reformStats.total > 0)).toBe(true);
    expect(data.reformTasks.nodes.length).toBeGreaterThan(0);
    for (const task of data.reformTasks.nodes) expect(task.leadOrganization.name).toEqual(expect.any(String));
  });

  it('write: an organisation created through the gateway is stored once and read back', async () => {
    const body = '11990722PB0000001';
    const input = {
      name: '连接池演练局',
      type: 'GOVERNMENT_DEPARTMENT',
      regionCode: DEMO_COUNTY_CODE,
      creditCode: body + creditCodeCheckChar(body),
    };
    const hr = { claims: { sub: 'pooled-hr', roles: ['hr'] } };
    const created = await gateway.query<any>(
      `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id name } }`,
      { input },
      hr,
    );
    expect(created.errors).toBeUndefined();
    const read = await gateway.query<any>(`query ($id: ID!) { organization(id: $id) { name } }`, {
      id: created.data.createOrganization.id,
    });
    expect(read.data.organization.name).toBe(input.name);
    const peopleDb = new URL(people.database.url).pathname.slice(1);
    expect(
      await onServer(`select 1 from organization where credit_code = $1`, [input.creditCode], peopleDb),
    ).toHaveLength(1);
  });
});

describe('migrations through PgBouncer in transaction mode', () => {
  it('the migration lock keeps a second holder out until the first is done', async () => {
    const url = pgbouncer.through(direct);
    const order: string[] = [];
    let second: Promise<unknown> | undefined;
    await withMigrationLock(url, async () => {
      order.push('first in');
      second = withMigrationLock(url, async () => order.push('second in'));
      // a session lock would be granted to the second at once: its statement runs on the first's server connection
      await new Promise((resolve) => setTimeout(resolve, 300));
      order.push('first out');
    });
    await second;
    expect(order).toEqual(['first in', 'first out', 'second in']);
  });

  it('replicas starting together apply each migration once and leave no lock behind', async () => {
    const database = await createTestDatabase('pooled_migrations');
    const url = pgbouncer.through(database.url);
    const replicas = await Promise.all([1, 2].map(() => openDatabase(url, peopleEntities, migrations)));
    try {
      const applied = (await Promise.all(replicas.map((orm) => migrate(orm)))).map((names) => names.length);
      expect(applied.sort((a, b) => a - b)[0]).toBe(0);
      expect(applied[1]).toBeGreaterThan(migrations.length);
      const locks = await onServer(`select 1 from pg_locks where locktype = 'advisory'`);
      expect(locks).toEqual([]);
    } finally {
      await Promise.all(replicas.map((orm) => orm.close(true)));
      await database.drop();
    }
  });
});

describe('named prepared statements (DB_PREPARED_STATEMENTS on) behind PgBouncer 1.18', () => {
  it('fail once a transaction runs on a server connection that never saw the statement', async () => {
    const url = pgbouncer.through(direct);
    const [a, b] = [new Client({ connectionString: url }), new Client({ connectionString: url })];
    await Promise.all([a.connect(), b.connect()]);
    try {
      const named = { name: 'read_pooled_probe', text: 'select $1::int + 1 as n', values: [1] };
      // a and b each hold a server connection; the statement is parsed on a's
      await a.query('begin');
      await b.query('begin');
      expect((await a.query(named)).rows).toEqual([{ n: 2 }]);
      await a.query('commit');
      await b.query('commit');
      // PgBouncer hands out its most recently freed connection (b's): node-postgres sends only the name
      await expect(a.query(named)).rejects.toThrow(/prepared statement "read_pooled_probe" does not exist/);
    } finally {
      await Promise.all([a.end(), b.end()]);
    }
  });
});
