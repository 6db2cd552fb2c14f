import ExcelJS from 'exceljs';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { startTestGateway, type TestGateway, type TestSubgraph } from '@county/test-kit';
import { startReform, tableCounts } from './fixtures';

let people: TestSubgraph;
let reform: TestSubgraph;
let gateway: TestGateway;
const clerk = { sub: 'clerk-round-trip', roles: ['reform-office'] };
const auditor = { sub: 'auditor-round-trip', roles: ['auditor'] };

beforeAll(async () => {
  ({ people, reform } = await startReform());
  gateway = await startTestGateway([people, reform]);
});
afterAll(async () => {
  await gateway?.stop();
  await reform?.close();
  await people?.close();
});

const ledgerUrl = (query: string) =>
  `${gateway.url.replace(/\/graphql$/, '')}/files/reform/ledger.xlsx?${query}`;
const bearer = async (claims: { sub: string; roles: string[] }) => ({
  authorization: `Bearer ${await gateway.token(claims)}`,
});

async function exported(): Promise<ExcelJS.Workbook> {
  const response = await fetch(ledgerUrl('year=2020'), { headers: await bearer(clerk) });
  expect(response.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
  return book;
}

async function upload(book: ExcelJS.Workbook, query: string, claims = clerk) {
  const response = await fetch(ledgerUrl(query), {
    method: 'POST',
    headers: await bearer(claims),
    body: new Uint8Array(await book.xlsx.writeBuffer()),
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** Each 2020 task's version, by code: a row left alone keeps its version. */
async function versions(): Promise<Map<string, number>> {
  const rows: { code: string; version: number }[] = await reform.orm.em
    .fork()
    .getConnection()
    .execute(`select code, version from reform_task where year = 2020`);
  return new Map(rows.map((r) => [r.code, r.version]));
}

async function trailOf(subject: string): Promise<{ operation: string; entity: string }[]> {
  const result = await gateway.query<any>(
    `query ($s: String) { reformAuditTrail(subject: $s, first: 100) { totalCount nodes { operation entity } } }`,
    { s: subject },
    { claims: auditor },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.reformAuditTrail.nodes;
}

const REGION = `year=2020&region=${DEMO_COUNTY_CODE}`;

describe('the 挂图作战 ledger, exported, edited and imported again through the gateway', () => {
  it('refuses an edit with a broken cell naming it and changing nothing, then writes exactly the 4 edited rows', async () => {
    const book = await exported();
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('2020年改革任务台账');
    const headers = (sheet.getRow(1).values as string[]).map(String);
    const col = (header: string) => headers.indexOf(header);
    // closed tasks (已销号) can no longer change: edit open ones
    const open: ExcelJS.Row[] = [];
    sheet.eachRow((row, n) => {
      if (n > 1 && row.getCell(col('状态')).value !== '已销号') open.push(row);
    });
    expect(open.length).toBeGreaterThan(5);
    const [a, b, c, broken] = open;
    const before = await versions();
    const counts = await tableCounts(reform);

    a.getCell(col('任务名称')).value = `${String(a.getCell(col('任务名称')).value)}（修订）`;
    b.getCell(col('改革目标')).value = '年内完成全部试点乡镇的推广';
    c.getCell(col('重点任务')).value = c.getCell(col('重点任务')).value === '是' ? '否' : '是';
    const added = sheet.addRow(a.values as ExcelJS.CellValue[]);
    added.getCell(col('任务编号')).value = 'RT-2020-NEW';
    added.getCell(col('所属方案编号')).value = '';
    added.getCell(col('版本')).value = '';
    const startWas = broken.getCell(col('计划开始')).value;
    broken.getCell(col('计划开始')).value = '2020-02-30';

    const refused = await upload(book, REGION);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'file',
      rule: 'rows',
      rejectedCount: 1,
      rejected: [
        {
          sheet: '2020年改革任务台账',
          row: broken.number,
          column: '计划开始',
          rule: 'date',
          reason: expect.stringMatching(/2020-02-30 is not a date/),
        },
      ],
    });
    expect(await versions()).toEqual(before);
    expect(await tableCounts(reform)).toEqual(counts);
    expect(await trailOf(clerk.sub)).toHaveLength(0);

    broken.getCell(col('计划开始')).value = startWas;
    const accepted = await upload(book, REGION);
    expect(accepted).toMatchObject({
      status: 200,
      body: { imported: 4, created: 1, updated: 3, unchanged: before.size - 3, rejected: [] },
    });
    const after = await versions();
    const moved = [...after].filter(([code, version]) => before.get(code) !== version).map(([code]) => code);
    expect(moved.sort()).toEqual(
      [a, b, c]
        .map((row) => String(row.getCell(col('任务编号')).value))
        .concat('RT-2020-NEW')
        .sort(),
    );
    const trail = await trailOf(clerk.sub);
    expect(trail.map((t) => `${t.entity} ${t.operation}`).sort()).toEqual([
      'ReformTask create',
      'ReformTask update',
      'ReformTask update',
      'ReformTask update',
    ]);

    // the same file again changes nothing: every row now equals its task
    const again = await upload(book, REGION);
    expect(again.body).toMatchObject({ imported: 0, unchanged: before.size + 1 });
    expect(await trailOf(clerk.sub)).toHaveLength(4);
  });

  it('refuses an edit of a row whose task changed since the export (its 版本), naming that cell', async () => {
    const book = await exported();
    const sheet = book.worksheets[0];
    const headers = (sheet.getRow(1).values as string[]).map(String);
    const col = (header: string) => headers.indexOf(header);
    let row: ExcelJS.Row | undefined;
    sheet.eachRow((r, n) => {
      if (!row && n > 1 && r.getCell(col('状态')).value !== '已销号') row = r;
    });
    const code = String(row!.getCell(col('任务编号')).value);
    const [task] = await reform.orm.em
      .fork()
      .getConnection()
      .execute(`select id, version from reform_task where code = ?`, [code]);
    const meanwhile = await gateway.query(
      `mutation ($id: ID!, $input: UpdateReformTaskInput!) { updateReformTask(id: $id, input: $input) { version } }`,
      { id: task.id, input: { version: task.version, goal: '期间经表单修改的目标' } },
      { claims: { sub: 'office-form', roles: ['reform-office'] } },
    );
    expect(meanwhile.errors).toBeUndefined();
    row!.getCell(col('任务名称')).value = '基于旧导出的修改';
    const stale = await upload(book, REGION);
    expect(stale.status).toBe(400);
    expect(stale.body.errors[0].extensions.rejected).toEqual([
      expect.objectContaining({ row: row!.number, column: '版本', rule: 'current-version' }),
    ]);
    const [after] = await reform.orm.em
      .fork()
      .getConnection()
      .execute(`select title, goal from reform_task where code = ?`, [code]);
    expect(after).toMatchObject({ goal: '期间经表单修改的目标' });
    expect(after.title).not.toBe('基于旧导出的修改');
  });

  it('is refused to a role that may not import, and without the region the ledger belongs to', async () => {
    const book = await exported();
    const counts = await tableCounts(reform);
    expect((await upload(book, REGION, { sub: 'a-leader', roles: ['leader'] })).status).toBe(403);
    const noRegion = await upload(book, 'year=2020');
    expect(noRegion.status).toBe(400);
    expect(noRegion.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'region',
      rule: 'required',
    });
    expect(await tableCounts(reform)).toEqual(counts);
  });
});
