import http from 'node:http';
import ExcelJS from 'exceljs';
import { peopleSubgraph } from '@county/people';
import { reformSubgraph } from '@county/reform';
import {
  as,
  startTestGateway,
  startTestSubgraph,
  subgraphHeaders,
  type TestGateway,
  type TestSubgraph,
} from '@county/test-kit';
import { LEDGER_COLUMNS } from '../../services/reform/src/ledger/ledger.columns';
import { SPECIAL_GROUPS } from '../../services/reform/src/seeders/catalogue';
import { city, countyLeader, department, tableCounts } from '../../services/reform/test/fixtures';

// small limits, so each one is reached with a file a test can build in a moment (read per import)
const MiB = 1024 * 1024;
Object.assign(process.env, {
  IMPORT_MAX_FILE_BYTES: String(MiB),
  IMPORT_MAX_UNPACKED_BYTES: String(4 * MiB),
  IMPORT_MAX_ROWS: '300',
  IMPORT_MAX_COLUMNS: '30',
  IMPORT_MAX_CONCURRENT: '1',
  IMPORT_MAX_ERRORS: '5',
  IMPORT_SYNC_MAX_ROWS: '50',
});

let people: TestSubgraph;
let reform: TestSubgraph;
let gateway: TestGateway;
const clerk = { sub: 'clerk-imports', roles: ['reform-office'] };

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  reform = await startTestSubgraph(reformSubgraph, { demoCounties: 1, directory: people });
  gateway = await startTestGateway([people, reform]);
});
afterAll(async () => {
  await gateway?.stop();
  await reform?.close();
  await people?.close();
});

type LedgerRow = Partial<Record<keyof typeof LEDGER_COLUMNS, string | Date>>;
const nameOf = (id: string) => city.organizations.find((o) => o.id === id)!.name;
let serial = 0;
const goodRow = (overrides: LedgerRow = {}): LedgerRow => ({
  code: `LIM-${++serial}`,
  title: '企业开办“一日办结”',
  specialGroup: SPECIAL_GROUPS[7].name,
  source: '上级部署',
  goal: '企业开办全流程一个工作日内办结',
  leadOrganization: nameOf(department('administrative-approval')),
  leader: countyLeader.name,
  keyTask: '否',
  plannedStart: '2022-03-01',
  plannedEnd: '2022-12-31',
  ...overrides,
});
const rows = (n: number, overrides: (i: number) => LedgerRow = () => ({})) =>
  Array.from({ length: n }, (_, i) => goodRow(overrides(i)));

async function workbook(ledgerRows: LedgerRow[], extend?: (sheet: ExcelJS.Worksheet) => void) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('台账');
  sheet.columns = Object.entries(LEDGER_COLUMNS).map(([key, c]) => ({ key, header: c.header }));
  for (const row of ledgerRows) sheet.addRow(row);
  extend?.(sheet);
  return Buffer.from(await book.xlsx.writeBuffer());
}

const base = () => gateway.url.replace(/\/graphql$/, '');

async function upload(file: Buffer, headers: Record<string, string> = {}, claims = clerk) {
  const response = await fetch(`${base()}/files/reform/ledger.xlsx?year=2022&region=990722`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await gateway.token(claims)}`, ...headers },
    body: new Uint8Array(file),
  });
  return { status: response.status, body: (await response.json()) as any };
}

async function job(id: string, claims = clerk) {
  const response = await fetch(`${base()}/files/reform/import-jobs?id=${id}`, {
    headers: { authorization: `Bearer ${await gateway.token(claims)}` },
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** Polls a job until it has finished (the import commits in the background). */
async function finished(id: string) {
  for (let i = 0; i < 300; i++) {
    const { body } = await job(id);
    if (body.status !== 'RUNNING') return body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`job ${id} still running`);
}

const refusal = (result: { status: number; body: any }) => ({
  status: result.status,
  ...result.body.errors[0].extensions,
});

describe('limits on what an upload may unpack to', () => {
  it('refuses a decompression bomb (a few KB that unpack to 16 MB) before unpacking it, changing nothing', async () => {
    const before = await tableCounts(reform);
    // exceljs streams its zip with data descriptors: the local headers declare no size, the count must catch it
    const bomb = await workbook([goodRow({ goal: 'A'.repeat(16 * MiB) })]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    const result = await upload(bomb);
    expect(refusal(result)).toMatchObject({
      status: 400,
      code: 'BAD_USER_INPUT',
      field: 'file',
      rule: 'max-unpacked-size',
    });
    expect(result.body.errors[0].message).toMatch(/unpacks to more than 4194304 bytes/);
    expect(await tableCounts(reform)).toEqual(before);
  });

  it('refuses a sheet with more rows than IMPORT_MAX_ROWS, and a row reaching past IMPORT_MAX_COLUMNS', async () => {
    const before = await tableCounts(reform);
    expect(refusal(await upload(await workbook(rows(301))))).toMatchObject({
      status: 400,
      field: 'file',
      rule: 'max-rows',
    });
    const wide = await workbook([goodRow()], (sheet) => {
      sheet.getRow(2).getCell(200).value = 'x';
    });
    const result = await upload(wide);
    expect(refusal(result)).toMatchObject({ status: 400, field: 'file', rule: 'max-columns' });
    expect(result.body.errors[0].message).toMatch(/row 2 uses column 200; at most 30/);
    expect(await tableCounts(reform)).toEqual(before);
  });

  it('lists the first IMPORT_MAX_ERRORS problems and counts them all', async () => {
    const result = await upload(await workbook(rows(20, () => ({ plannedEnd: '明年' }))));
    expect(refusal(result)).toMatchObject({ status: 400, rule: 'rows', rejectedCount: 20 });
    expect(result.body.errors[0].extensions.rejected).toHaveLength(5);
    expect(result.body.errors[0].extensions.rejected[0]).toEqual({
      sheet: '2022年改革任务台账',
      row: 2,
      column: '计划完成',
      rule: 'date',
      reason: '明年 is not a date (YYYY-MM-DD)',
    });
    expect(result.body.errors[0].message).toMatch(/^file: 20 problem\(s\) in the ledger/);
  });
});

/** Sends headers declaring `length` bytes, then only a few: the answer must not wait for the rest. */
function declareHuge(url: string, headers: Record<string, string>, length: number) {
  return new Promise<{ status: number; body: any }>((resolve, reject) => {
    const request = http.request(url, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(length) },
    });
    const timer = setTimeout(() => {
      request.destroy();
      reject(new Error('no answer within 5 s: the server is waiting for the body'));
    }, 5000);
    request.on('response', (response) => {
      let text = '';
      response.on('data', (chunk) => (text += chunk));
      response.on('end', () => {
        clearTimeout(timer);
        request.destroy();
        resolve({ status: response.statusCode!, body: JSON.parse(text) });
      });
    });
    request.on('error', () => undefined);
    request.write(Buffer.alloc(10));
  });
}

describe('Content-Length, checked before the body is read', () => {
  it('at the subgraph: a declared 50 MB upload is refused at once with 413', async () => {
    const url = reform.url.replace(/\/graphql$/, '/files/ledger.xlsx?year=2022&region=990722');
    const answer = await declareHuge(url, await subgraphHeaders(reform, as.role('reform-office')), 50 * MiB);
    expect(answer.status).toBe(413);
    expect(answer.body.errors[0].message).toMatch(`exceeds ${MiB} bytes`);
  });

  it('at the gateway, for any caller, signed in or not', async () => {
    const url = `${base()}/files/reform/ledger.xlsx?year=2022&region=990722`;
    expect((await declareHuge(url, {}, 500 * MiB)).status).toBe(413);
    const token = await gateway.token(clerk);
    expect((await declareHuge(url, { authorization: `Bearer ${token}` }, 500 * MiB)).status).toBe(413);
  });
});

describe('large imports are jobs', () => {
  it('answers a large upload at once (202) with a job; a bad row near the end commits nothing', async () => {
    const before = await tableCounts(reform);
    const file = await workbook(rows(120, (i) => (i === 117 ? { specialGroup: '不存在小组' } : {})));
    const accepted = await upload(file);
    expect(accepted.status).toBe(202);
    expect(accepted.body).toMatchObject({ id: expect.any(String), route: 'ledger.xlsx', status: 'RUNNING' });
    const done = await finished(accepted.body.id);
    expect(done).toMatchObject({ status: 'FAILED', rows: 120, result: null });
    expect(done.error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', rule: 'rows', rejectedCount: 1 });
    expect(done.error.extensions.rejected).toEqual([
      {
        sheet: '2022年改革任务台账',
        row: 119,
        column: '专项小组',
        rule: 'exists',
        reason: expect.stringMatching(/不存在小组/),
      },
    ]);
    expect(await tableCounts(reform)).toEqual(before);
  });

  it('commits every row of a good one; the same Idempotency-Key returns the same job, another upload is refused', async () => {
    const before = await tableCounts(reform);
    const file = await workbook(rows(120));
    const key = { 'idempotency-key': 'ledger-2022-upload-1' };
    const first = await upload(file, key);
    expect(first.status).toBe(202);
    const retry = await upload(file, key);
    expect(retry.body.id).toBe(first.body.id);
    const done = await finished(first.body.id);
    expect(done).toMatchObject({ status: 'SUCCEEDED', rows: 120, result: { imported: 120 }, error: null });
    expect(Number((await tableCounts(reform)).tasks)).toBe(Number(before.tasks) + 120);

    const late = await upload(file, key);
    expect(late).toMatchObject({ status: 200, body: { id: first.body.id, status: 'SUCCEEDED' } });
    expect(refusal(await upload(await workbook(rows(60)), key))).toMatchObject({
      status: 400,
      field: 'Idempotency-Key',
      rule: 'same-input',
    });
    // a job is its owner's: another caller is told it does not exist
    expect((await job(first.body.id, { sub: 'clerk-2', roles: ['reform-office'] })).status).toBe(404);
    expect(Number((await tableCounts(reform)).tasks)).toBe(Number(before.tasks) + 120);
  });

  it('a small upload sent with Prefer: respond-async is a job too', async () => {
    const accepted = await upload(await workbook(rows(2)), { prefer: 'respond-async' });
    expect(accepted.status).toBe(202);
    expect(await finished(accepted.body.id)).toMatchObject({ status: 'SUCCEEDED', result: { imported: 2 } });
  });

  it('refuses an import beyond IMPORT_MAX_CONCURRENT with 503 while one runs, and takes it after', async () => {
    const running = await upload(await workbook(rows(250)), { prefer: 'respond-async' });
    expect(running.status).toBe(202);
    const refused = await upload(await workbook(rows(1)));
    expect(refusal(refused)).toMatchObject({ status: 503, code: 'SERVICE_BUSY' });
    expect(refused.body.errors[0].message).toMatch(/at most 1, IMPORT_MAX_CONCURRENT/);
    expect(await finished(running.body.id)).toMatchObject({ status: 'SUCCEEDED' });
    expect((await upload(await workbook(rows(1)))).status).toBe(200);
  });

  it('marks a job whose process died failed, and forgets expired jobs', async () => {
    const sql = (text: string) => reform.orm.em.fork().getConnection().execute(text);
    const [lost] = await sql(
      `insert into import_job (id, subject, route, request_hash, async, status, heartbeat_at, expires_at)
       values (gen_random_uuid(), '${clerk.sub}', 'ledger.xlsx', 'x', true, 'RUNNING',
               now() - interval '1 minute', now() + interval '1 day') returning id`,
    );
    const read = await job(lost.id);
    expect(read.body).toMatchObject({
      status: 'FAILED',
      error: { extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    });
    expect(read.body.error.message).toMatch(/stopped with the process running it/);

    await sql(`update import_job set expires_at = now() - interval '1 second' where id = '${lost.id}'`);
    expect((await job(lost.id)).status).toBe(404);
    expect(await sql(`select id from import_job where id = '${lost.id}'`)).toEqual([]);
  });
});
