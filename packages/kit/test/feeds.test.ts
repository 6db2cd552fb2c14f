import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { Migration } from '@mikro-orm/migrations';
import { probeSubgraph, startTestSubgraph, subgraphHeaders, as, type TestSubgraph } from '@county/test-kit';
import {
  attachFeeds,
  defineFeed,
  definePermissions,
  feedRoutes,
  loadMapping,
  sharedRules,
  type FeedRun,
} from '../src';

/**
 * The kit's feed mechanism on a small source of its own (a roster export into `probe_roster`): a workbook
 * delivery keyed by the source's id with the mapping version on its job, the watched folder, a changed
 * mapping version, a broken mapping file named in the job, and jobs kept within FEED_JOBS_KEPT.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'feeds-'));
const watchDir = path.join(dir, 'watch');
const mappingFile = path.join(dir, 'probe-roster.yaml');
const mapping = (version: number) => `# test mapping — owned by the kit's tests
version: ${version}
source: probe-roster
key: 人员编号
staleAfterHours: 24
dateFormats: ['YYYY-MM-DD']
columns:
  人员编号: { field: source_id, required: true }
  姓名: { field: name, required: true }
  人员类别: { field: kind, required: true, codes: kind }
  出生日期: { field: born, type: date }
codes:
  kind: { '01': CADRE, '02': GRID_WORKER }
`;

class ProbeRoster20261205 extends Migration {
  override async up(): Promise<void> {
    this
      .addSql(`create table probe_roster (source_id text primary key, name text not null, kind text not null,
      born date null, row_hash text not null, job_id uuid not null)`);
  }
}

async function upsert(tx: any, run: FeedRun) {
  const exec = (text: string, params: unknown[] = []) =>
    tx.getConnection().execute(text, params, 'all', tx.getTransactionContext());
  const rows = await exec(
    `with changed as (select s.* from ${run.staging} s left join probe_roster p on p.source_id = s.source_id
                       where p.row_hash is distinct from s.row_hash),
          written as (insert into probe_roster (source_id, name, kind, born, row_hash, job_id)
                      select source_id, name, kind, born, row_hash, ?::uuid from changed
                      on conflict (source_id) do update set name = excluded.name, kind = excluded.kind,
                        born = excluded.born, row_hash = excluded.row_hash, job_id = excluded.job_id
                      returning source_id, (xmax = 0) as inserted),
          audited as (insert into ${run.audit} (operation, entity, entity_id, after)
                      select case when inserted then 'create' else 'update' end, 'ProbeRoster', source_id, '{}'::jsonb from written)
     select count(*) filter (where inserted)::int inserted, count(*) filter (where not inserted)::int updated,
            (select count(*) from ${run.staging})::int staged from written`,
    [run.jobId],
  );
  const [c] = rows;
  return {
    inserted: c.inserted,
    updated: c.updated,
    withdrawn: 0,
    unchanged: c.staged - c.inserted - c.updated,
  };
}

const permissions = definePermissions({ 'feed.deliver': { what: 'deliver the roster', ...sharedRules.hr } });
const roster = defineFeed({
  subgraph: 'probe',
  source: 'probe-roster',
  title: '组织部干部名册',
  mappingFile,
  staging: {
    table: 'feed_probe_staging',
    columns: { source_id: 'text', name: 'text', kind: 'text', born: 'date' },
  },
  policy: 'row-level',
  permissions,
  action: 'feed.deliver',
  upsert,
});

let probe: TestSubgraph;
beforeAll(async () => {
  fs.writeFileSync(mappingFile, mapping(3));
  process.env.FEEDS_WATCH_DIR = watchDir;
  process.env.FEED_JOBS_KEPT = '3';
  fs.mkdirSync(path.join(watchDir, 'probe-roster'), { recursive: true });
  probe = await startTestSubgraph({
    ...probeSubgraph,
    migrations: [{ name: 'ProbeRoster20261205', class: ProbeRoster20261205 }],
    files: feedRoutes(roster),
    attach: attachFeeds([roster]),
  });
}, 60_000);
afterAll(async () => {
  delete process.env.FEEDS_WATCH_DIR;
  delete process.env.FEED_JOBS_KEPT;
  await probe?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const sql = async (text: string, params: unknown[] = []) =>
  (await probe.orm.em.fork().getConnection().execute(text, params)) as any[];
const hr = as.role('hr');
async function post(file: Buffer) {
  const response = await fetch(probe.url.replace(/\/graphql$/, '/files/feeds/probe-roster'), {
    method: 'POST',
    headers: await subgraphHeaders(probe, hr),
    body: new Uint8Array(file),
  });
  return { status: response.status, body: (await response.json()) as any };
}
async function workbook(rows: unknown[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('名册');
  sheet.addRow(['人员编号', '姓名', '人员类别', '出生日期', '备注']);
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

it('lands a workbook keyed by the source id, records the mapping version, and refuses an unmapped code', async () => {
  const file = await workbook([
    ['P001', '张三', '01', new Date(Date.UTC(1980, 4, 3)), ''],
    ['P002', '李四', '02', '1991-12-30', ''],
    ['P003', '王五', '05', '', ''],
  ]);
  const { status, body } = await post(file);
  expect(status).toBe(200);
  expect(body).toMatchObject({ kind: 'feed', mappingVersion: 3, status: 'SUCCEEDED' });
  expect(body.result).toMatchObject({ inserted: 2, rejectedCount: 1 });
  expect(body.result.rejected).toEqual([
    {
      row: 4,
      column: '人员类别',
      value: '05',
      rule: 'code',
      message: '人员类别: code 05 is not in the code list kind',
    },
  ]);
  expect(await sql(`select source_id, born::text from probe_roster order by 1`)).toEqual([
    { source_id: 'P001', born: '1980-05-03' },
    { source_id: 'P002', born: '1991-12-30' },
  ]);
  const again = await post(file);
  expect(again.body.result).toMatchObject({ changed: 0, unchanged: 2 });
});

it('records a new mapping version on the next job, and names a broken mapping file in the job', async () => {
  fs.writeFileSync(mappingFile, mapping(4));
  const next = await post(Buffer.from('人员编号,姓名,人员类别\nP002,李四,01\n'));
  expect(next.body).toMatchObject({ mappingVersion: 4, result: { updated: 1 } });
  fs.writeFileSync(mappingFile, mapping(5).replace('key: 人员编号', 'key: 工号'));
  const broken = await post(Buffer.from('人员编号,姓名,人员类别\nP002,李四,01\n'));
  expect(broken.status).toBe(500);
  expect(broken.body).toMatchObject({ status: 'FAILED', mappingVersion: null });
  expect(broken.body.error.message).toBe(
    'mapping file probe-roster.yaml: key: the key column 工号 is not mapped',
  );
  fs.writeFileSync(mappingFile, mapping(5));
});

it('parses a mapping file again only when it changed (every statistics answer asks for it)', () => {
  const first = loadMapping(mappingFile);
  expect(loadMapping(mappingFile)).toBe(first);
  fs.writeFileSync(mappingFile, mapping(6));
  const edited = loadMapping(mappingFile);
  expect(edited).not.toBe(first);
  expect(edited.version).toBe(6);
  expect(loadMapping(mappingFile)).toBe(edited);
  fs.writeFileSync(mappingFile, mapping(5));
});

it('delivers a file dropped into the watched folder, moves it to delivered/, and keeps FEED_JOBS_KEPT jobs', async () => {
  const dropped = path.join(watchDir, 'probe-roster', 'roster-20191231.csv');
  fs.writeFileSync(dropped, '人员编号,姓名,人员类别\nP009,赵六,02\n');
  const deadline = Date.now() + 20_000;
  let rows: any[] = [];
  while (Date.now() < deadline) {
    rows = await sql(`select via, status from import_job where source = 'probe-roster' and via = 'watch'`);
    if (rows.some((r) => r.status !== 'RUNNING')) break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  expect(rows).toEqual([{ via: 'watch', status: 'SUCCEEDED' }]);
  // the file is moved once its delivery is recorded
  while (fs.existsSync(dropped) && Date.now() < deadline)
    await new Promise((resolve) => setTimeout(resolve, 100));
  expect(await sql(`select name from probe_roster where source_id = 'P009'`)).toEqual([{ name: '赵六' }]);
  expect(
    await sql(`select subject from audit_record where entity = 'ProbeRoster' and entity_id = 'P009'`),
  ).toEqual([{ subject: 'feed:probe-roster' }]);
  expect(fs.existsSync(dropped)).toBe(false);
  expect(fs.readdirSync(path.join(watchDir, 'probe-roster', 'delivered'))).toEqual([
    expect.stringMatching(/-roster-20191231\.csv$/),
  ]);
  expect(await sql(`select count(*)::int n from import_job where source = 'probe-roster'`)).toEqual([
    { n: 3 },
  ]);
  const listed = await fetch(probe.url.replace(/\/graphql$/, '/files/feeds/probe-roster/jobs'), {
    headers: await subgraphHeaders(probe, hr),
  });
  const { jobs } = (await listed.json()) as { jobs: { via: string; mappingVersion: number | null }[] };
  expect(jobs.map((job) => [job.via, job.mappingVersion])).toEqual([
    ['watch', 5],
    ['post', null],
    ['post', 4],
  ]);
});
