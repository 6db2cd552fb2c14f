import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { gunzipSync } from 'node:zlib';
import { Client } from 'pg';
import {
  DEMO_COUNTY_CODE,
  demoOrganizationId,
  generateDemoCity,
  organizationNaturalKey,
} from '@county/demo-data';
import { openDatabase, writeAuditCheckpoint } from '@county/kit';
import {
  archiveSettings,
  databaseUrl,
  freePort,
  initCluster,
  preparePostgresFolder,
  runPostgres,
  type PostgresProcess,
} from '@county/postgres';
import { peopleSubgraph } from '@county/people';
import { governanceSubgraph } from '@county/governance';
import { govServicesSubgraph } from '@county/gov-services';
import { as, startTestSubgraph, TEST_SERVER_ENV, type TestSubgraph } from '@county/test-kit';
import {
  applyRetention,
  archiveCurrentWal,
  listBaseBackups,
  takeBaseBackup,
  walDir,
} from '../src/backup/base-backup';
import { checkpointsUpTo, type CheckedDatabase } from '../src/backup/checks';
import { restoreCluster, RestoreRefused } from '../src/backup/restore';
import { rollupDifferences } from '../src/backup/rollups';
import { readStatus } from '../src/backup/status';
import { scheduleBaseBackups } from '../src/backup/schedule';
import { verifyDatabase } from '../src/audit-verify';

/**
 * The embedded server's backups end to end, on a cluster of its own (the same `postgres` binary, archiving
 * as `npm start` configures it): writes, a base backup, more writes, a bulk write that must be undone, and a
 * point-in-time restore to the moment before it, checked as an operator would.
 */
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'county-backup-test-'));
fs.chmodSync(root, 0o755);
const dataDir = path.join(root, 'postgres');
const backupDir = path.join(root, 'backups');
const anchor = { key: randomBytes(32).toString('hex'), dir: path.join(root, 'audit-checkpoints') };
const password = randomBytes(12).toString('hex');

const city = generateDemoCity({ counties: 1 });
const township = city.regions.find((r) => r.parentCode === DEMO_COUNTY_CODE)!;
const village = city.regions.find((r) => r.parentCode === township.code)!;
const villageGrid = demoOrganizationId(`governance:grid:${village.code}-001`);
const centre = as.role(
  `department:${demoOrganizationId(organizationNaturalKey(DEMO_COUNTY_CODE, 'dept:political-legal'))}`,
);

let server: PostgresProcess | null = null;
let people: TestSubgraph;
let governance: TestSubgraph;
let govServices: TestSubgraph;
let databases: CheckedDatabase[];
const port = { value: 0 };

const startServer = async () => {
  server = await runPostgres({ dataDir, port: port.value, settings: archiveSettings(walDir(backupDir), 60) });
  return server.adminUrl(password);
};
const stopServer = async () => {
  await server?.stop();
  server = null;
};
const governanceUrl = () =>
  databaseUrl(server!.adminUrl(password), databases.find((d) => d.name === 'governance')!.database);

async function sql<T>(url: string, text: string, params: unknown[] = []): Promise<T[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, params)).rows as T[];
  } finally {
    await client.end();
  }
}

const register = async (parties: string) => {
  const { data, errors } = await governance.query<{ registerDispute: { id: string } }>(
    `mutation ($input: RegisterDisputeInput!) { registerDispute(input: $input) { id } }`,
    {
      input: {
        kind: 'NEIGHBOURS',
        channel: 'GRID_PATROL',
        reportedAt: new Date().toISOString(),
        gridId: villageGrid,
        parties,
        partyCount: 2,
        summary: '因排水沟堵塞发生争执',
        riskColour: 'YELLOW',
      },
    },
    centre,
  );
  expect(errors).toBeUndefined();
  return data!.registerDispute.id;
};

const disputesNamed = async (ids: string[]) =>
  (
    await sql<{ id: string }>(governanceUrl(), 'select id::text from dispute where id::text = any($1)', [ids])
  ).map((row) => row.id);

/** Signs governance's chain head now, as its timer would. */
async function checkpoint() {
  const orm = await openDatabase(governanceUrl(), [], []);
  try {
    return await writeAuditCheckpoint(orm.em.fork(), { subgraph: 'governance', ...anchor, keep: 1000 });
  } finally {
    await orm.close(true);
  }
}

beforeAll(async () => {
  port.value = await freePort();
  await initCluster(dataDir, password);
  preparePostgresFolder(walDir(backupDir));
  // the subgraphs' test databases go on this cluster, not on the shared test server
  process.env[TEST_SERVER_ENV] = await startServer();
  const env = { AUDIT_ANCHOR_KEY: anchor.key, AUDIT_CHECKPOINT_DIR: anchor.dir };
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1, env });
  governance = await startTestSubgraph(governanceSubgraph, { demoCounties: 1, directory: people, env });
  govServices = await startTestSubgraph(govServicesSubgraph, { directory: people, env });
  databases = [
    { name: 'people', subgraph: people },
    { name: 'governance', subgraph: governance },
    { name: 'gov-services', subgraph: govServices },
  ].map(({ name, subgraph }) => ({ name, database: new URL(subgraph.database.url).pathname.slice(1) }));
}, 240_000);

afterAll(async () => {
  for (const subgraph of [govServices, governance, people]) await subgraph?.stop().catch(() => undefined);
  await stopServer();
  fs.rmSync(root, { recursive: true, force: true });
});

it('archive_command gzips a segment under a temporary name, accepts an identical retry, never overwrites another', () => {
  const dir = fs.mkdtempSync(path.join(root, 'archive-'));
  const archive = (source: string, name: string) =>
    spawnSync('sh', [
      '-c',
      archiveSettings(dir).archive_command.replaceAll('%p', source).replaceAll('%f', name),
    ]).status;
  const segment = path.join(dir, 'segment');
  fs.writeFileSync(segment, Buffer.concat([Buffer.from('wal records'), Buffer.alloc(1 << 20)]));
  expect(archive(segment, '000000010000000000000001')).toBe(0);
  const archived = path.join(dir, '000000010000000000000001.gz');
  expect(fs.statSync(archived).size).toBeLessThan(10_000);
  expect(archive(segment, '000000010000000000000001')).toBe(0);
  fs.writeFileSync(segment, 'other records');
  expect(archive(segment, '000000010000000000000001')).not.toBe(0);
  expect(gunzipSync(fs.readFileSync(archived)).subarray(0, 11).toString()).toBe('wal records');
  expect(fs.readdirSync(dir).sort()).toEqual(['000000010000000000000001.gz', 'segment']);
  fs.rmSync(dir, { recursive: true });
});

const before: string[] = [];
const undone: string[] = [];
let target = '';

it('restores to the moment before a bulk write: earlier writes kept, the bulk undone, chains and rollups checked', async () => {
  before.push(await register('备份前甲与乙'), await register('备份前丙与丁'));
  expect(await checkpoint()).not.toBeNull();
  const adminUrl = server!.adminUrl(password);
  const base = await takeBaseBackup(adminUrl, backupDir, 3);
  expect(fs.readFileSync(path.join(base.dir, 'backup_label'), 'utf8')).toContain(`LABEL: ${base.label}`);
  expect(fs.existsSync(path.join(base.dir, 'postmaster.pid'))).toBe(false);
  expect(fs.readdirSync(path.join(base.dir, 'pg_wal')).filter((f) => /^[0-9A-F]{24}$/.test(f))).toEqual([]);

  // after the backup: only the archived WAL brings these back
  before.push(await register('备份后戊与己'), await register('备份后庚与辛'));
  const [{ now }] = await sql<{ now: string }>(
    adminUrl,
    `select to_char(clock_timestamp() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as now`,
  );
  target = now;
  for (let n = 0; n < 25; n += 1) undone.push(await register(`误导入${n}号`));
  // the bulk write is signed in a checkpoint too: the restore must treat it as undone, not as tampering
  expect(await checkpoint()).not.toBeNull();

  for (const subgraph of [govServices, governance, people]) await subgraph.stop();
  await stopServer();
  const report = await restoreCluster({
    dataDir,
    backupDir,
    target,
    password,
    databases,
    anchor,
    mode: 'restore',
  });

  expect(report.checks.map((c) => [c.subgraph, c.problems])).toEqual(databases.map((d) => [d.name, []]));
  expect(report.passed).toBe(true);
  expect(report.base.label).toBe(base.label);
  expect(Date.parse(report.lastTransactionAt!)).toBeLessThanOrEqual(Date.parse(target));
  const checked = Object.fromEntries(report.checks.map((c) => [c.subgraph, c]));
  expect(checked.governance.checkpointsAfter).toBeGreaterThan(0);
  expect(checked.governance.checkpointsCompared).toBeGreaterThan(0);
  expect(checked.governance.rollups).toEqual({
    dispute_rollup_day: 0,
    dispute_rollup_month: 0,
    petition_rollup_day: 0,
    petition_rollup_month: 0,
  });
  expect(Object.values(checked['gov-services'].rollups!).every((n) => n === 0)).toBe(true);
  expect(fs.existsSync(report.setAside!)).toBe(true);

  await startServer();
  expect((await disputesNamed(before)).sort()).toEqual([...before].sort());
  expect(await disputesNamed(undone)).toEqual([]);
  // the checkpoint file now ends at the restored head, so the chain verifies as the subgraph will see it
  const chain = await verifyDatabase(governanceUrl(), { subgraph: 'governance', ...anchor, keep: 1000 });
  expect(chain).toMatchObject({ intact: true, records: checked.governance.records });
  expect(checkpointsUpTo(anchor, 'governance', Number(chain.head!.seq)).after).toBe(0);
  expect(await rollupDifferences(governanceUrl(), 'governance')).toEqual({
    dispute_rollup_day: 0,
    dispute_rollup_month: 0,
    petition_rollup_day: 0,
    petition_rollup_month: 0,
  });
}, 180_000);

it("backup:verify archives the running server's latest WAL, restores the latest backup into a scratch cluster, checks it, discards it and records it", async () => {
  // a write on the restored cluster's new timeline, in a segment archive_timeout has not closed yet
  const [{ at }] = await sql<{ at: string }>(
    governanceUrl(),
    `with changed as (update dispute set summary = summary || '。' where id::text = $1 returning 1)
     select to_char(now() at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') as at from changed`,
    [before[0]],
  );
  await archiveCurrentWal(server!.adminUrl(password));
  const files = fs.readdirSync(root).sort();
  const report = await restoreCluster({
    dataDir,
    backupDir,
    target: 'latest',
    password,
    databases,
    anchor,
    mode: 'verify',
  });
  expect(report.checks.flatMap((c) => c.problems)).toEqual([]);
  expect(report.passed).toBe(true);
  expect(fs.readdirSync(root).sort()).toEqual(files);
  expect(readStatus(backupDir).latestVerified).toMatchObject({ label: report.base.label });
  expect(report.lastTransactionAt! >= at).toBe(true);
}, 120_000);

it('keeps BACKUP_KEEP base backups and only the WAL the oldest of them needs', async () => {
  const adminUrl = server!.adminUrl(password);
  await takeBaseBackup(adminUrl, backupDir, 2);
  await takeBaseBackup(adminUrl, backupDir, 2);
  const kept = listBaseBackups(backupDir);
  expect(kept).toHaveLength(2);
  const oldest = kept[0].startWal.slice(8);
  const segments = fs.readdirSync(walDir(backupDir)).filter((f) => /^[0-9A-F]{24}\.gz$/.test(f));
  expect(segments.length).toBeGreaterThan(0);
  expect(segments.filter((f) => f.slice(8) < oldest)).toEqual([]);
  expect(fs.readdirSync(walDir(backupDir))).toContain('00000002.history.gz');
  expect(applyRetention(backupDir, 2)).toEqual({ backups: [], walFiles: 0 });
}, 120_000);

it('npm start takes a base backup when the latest is older than BACKUP_EVERY_HOURS, and records it', async () => {
  const latest = listBaseBackups(backupDir).at(-1)!;
  const schedule = scheduleBaseBackups({
    adminUrl: server!.adminUrl(password),
    backupDir,
    everyHours: 1 / 3600,
    keep: 2,
    firstCheckMs: 1000,
  });
  try {
    const deadline = Date.now() + 60_000;
    // the status is written last, after the retention
    while (
      (readStatus(backupDir).latestBackup?.label ?? latest.label) === latest.label &&
      Date.now() < deadline
    )
      await new Promise((resolve) => setTimeout(resolve, 200));
  } finally {
    schedule.stop();
  }
  const taken = listBaseBackups(backupDir).at(-1)!;
  expect(taken.label).not.toBe(latest.label);
  expect(readStatus(backupDir).latestBackup).toMatchObject({ label: taken.label });
  expect(listBaseBackups(backupDir)).toHaveLength(2);
}, 90_000);

it('refuses to restore while the server runs on the data folder', async () => {
  await expect(
    restoreCluster({ dataDir, backupDir, target: 'latest', password, databases, anchor, mode: 'restore' }),
  ).rejects.toThrow(RestoreRefused);
  await expect(
    restoreCluster({ dataDir, backupDir, target: 'yesterday', password, databases, anchor, mode: 'restore' }),
  ).rejects.toThrow(/--to must be an ISO 8601 moment/);
});

it('a restore that fails a check says so and leaves the data where it was', async () => {
  // a rollup changed behind its triggers' back: replayed from the WAL, a recount disagrees
  await sql(
    governanceUrl(),
    `update dispute_rollup_month set mediated = mediated + 1 where ctid = (select ctid from dispute_rollup_month where mediated > 0 limit 1)`,
  );
  await stopServer();
  fs.writeFileSync(path.join(dataDir, 'marker-of-the-old-cluster'), 'kept');
  const files = fs.readdirSync(root).sort();
  const report = await restoreCluster({
    dataDir,
    backupDir,
    target: 'latest',
    password,
    databases,
    anchor,
    mode: 'restore',
  });
  expect(report.passed).toBe(false);
  expect(report.checks.find((c) => c.subgraph === 'governance')!.problems).toEqual([
    'dispute_rollup_month: 2 row(s) differ from a recount',
  ]);
  expect(report.setAside).toBeNull();
  expect(fs.readdirSync(root).sort()).toEqual(files);
  expect(fs.readFileSync(path.join(dataDir, 'marker-of-the-old-cluster'), 'utf8')).toBe('kept');
}, 120_000);
