import ExcelJS from 'exceljs';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import type { Claims } from '@county/kit';
import { peopleSubgraph } from '@county/people';
import { startTestGateway, startTestSubgraph, type TestGateway, type TestSubgraph } from '@county/test-kit';

/*
 * The restructured-facility ledger (设施调整台账) of the demo county's merges through the gateway: exported,
 * edited as in Excel and imported again through the same writes, rules and roles as the GraphQL mutations.
 */
let people: TestSubgraph;
let gateway: TestGateway;
const hr: Claims = { sub: 'hr-facility-ledger', roles: ['hr'] };
const leader: Claims = { sub: 'leader-facility-ledger', roles: ['leader'] };
const auditor: Claims = { sub: 'auditor-facility-ledger', roles: ['auditor'] };
const COUNTY = `region=${DEMO_COUNTY_CODE}`;
const HEADERS = [
  '设施编号',
  '原区划代码',
  '原区划',
  '现区划代码',
  '设施类别',
  '设施名称',
  '调整结果',
  '并入/转为',
  '调整日期',
  '版本',
];

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  gateway = await startTestGateway([people]);
});
afterAll(async () => {
  await gateway?.stop();
  await people?.close();
});

const sql = <T = any>(text: string, params: unknown[] = []) =>
  people.orm.em.fork().getConnection().execute<T[]>(text, params);
const url = (query: string) =>
  `${gateway.url.replace(/\/graphql$/, '')}/files/people/restructured-facilities.xlsx?${query}`;
const bearer = async (claims: Claims) => ({ authorization: `Bearer ${await gateway.token(claims)}` });

async function exported(claims: Claims = hr, query = COUNTY) {
  const response = await fetch(url(query), { headers: await bearer(claims) });
  expect(response.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
  const sheet = book.worksheets[0];
  const headers = (sheet.getRow(1).values as string[]).map(String);
  const cell = (row: ExcelJS.Row, header: string) => {
    expect(headers).toContain(header);
    return row.getCell(headers.indexOf(header));
  };
  const rows = [...Array(sheet.rowCount - 1).keys()].map((i) => sheet.getRow(i + 2));
  return { book, sheet, headers, rows, cell };
}

/** Uploads the workbook, or the very bytes of one (a retry sends what it sent). */
async function upload(
  book: ExcelJS.Workbook | Uint8Array,
  claims: Claims = hr,
  query = COUNTY,
  key?: string,
) {
  const response = await fetch(url(query), {
    method: 'POST',
    headers: { ...(await bearer(claims)), ...(key ? { 'idempotency-key': key } : {}) },
    body: book instanceof Uint8Array ? book : new Uint8Array(await book.xlsx.writeBuffer()),
  });
  return { status: response.status, body: (await response.json()) as any };
}

const facilities = async () =>
  new Map((await sql(`select * from restructured_facility`)).map((r) => [r.id as string, JSON.stringify(r)]));

/** Every audited write to a facility, as `operation subject`. */
async function trail(): Promise<string[]> {
  const answer = await gateway.query<any>(
    `{ peopleAuditTrail(entity: "RestructuredFacility", first: 100) { nodes { operation subject entityId } } }`,
    {},
    { claims: auditor },
  );
  expect(answer.errors).toBeUndefined();
  return answer.data!.peopleAuditTrail.nodes.map((n: any) => `${n.operation} ${n.subject} ${n.entityId}`);
}

describe('the restructured-facility ledger (设施调整台账) round trip through the gateway', () => {
  it('exports every facility of the county’s merges in the department’s words, no personal data', async () => {
    const { sheet, headers, rows, cell } = await exported(leader);
    expect(sheet.name).toBe('设施调整台账');
    expect(headers.slice(1)).toEqual(HEADERS);
    expect(rows).toHaveLength(18);
    const outcomes = rows.map((row) => cell(row, '调整结果').text);
    expect(outcomes.filter((o) => o === '保留')).toHaveLength(2);
    expect(new Set(rows.map((row) => cell(row, '设施类别').text))).toEqual(
      new Set(['学校', '卫生院', '养老机构']),
    );
    const [first] = rows;
    const [stored] = await sql(`select name, predecessor_code from restructured_facility where id = ?`, [
      cell(first, '设施编号').text,
    ]);
    expect(cell(first, '设施名称').text).toBe(stored.name);
    expect(cell(first, '原区划').text).toMatch(/乡$/);
    expect(cell(first, '调整日期').text).toBe('2019-12-01');
  });

  it('refuses broken cells naming sheet, row, column and rule, changing nothing; then writes exactly the edited rows', async () => {
    const { book, sheet, rows, cell } = await exported();
    const kept = rows.filter((row) => cell(row, '调整结果').text === '保留');
    const converted = rows.filter((row) => cell(row, '调整结果').text === '转型');
    const [a, unexplained] = kept;
    const [b, c, broken] = converted;
    const before = await facilities();
    const trailBefore = await trail();

    cell(a, '调整结果').value = '撤并';
    cell(a, '并入/转为').value = '镇中心小学（新校区）';
    cell(b, '并入/转为').value = `${cell(b, '并入/转为').text}（医共体）`;
    cell(c, '调整日期').value = '2020-03-01';
    const added = sheet.addRow([]);
    cell(added, '原区划代码').value = cell(c, '原区划代码').text;
    cell(added, '现区划代码').value = cell(c, '现区划代码').text;
    cell(added, '设施类别').value = '卫生院';
    cell(added, '设施名称').value = '原乡第二卫生所';
    cell(added, '调整结果').value = '转型';
    cell(added, '并入/转为').value = '村卫生室';
    cell(added, '调整日期').value = '2020-01-15';
    // a bad date in the sheet, and an outcome the GraphQL rule refuses without what the facility became
    cell(broken, '调整日期').value = '2019-02-30';
    cell(unexplained, '调整结果').value = '撤并';

    const refused = await upload(book);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'file',
      rule: 'rows',
      rejectedCount: 2,
      rejected: [
        {
          sheet: '设施调整台账',
          row: broken.number,
          column: '调整日期',
          rule: 'date',
          reason: expect.stringMatching(/2019-02-30 is not a date/),
        },
        { sheet: '设施调整台账', row: unexplained.number, column: '并入/转为', rule: 'required' },
      ],
    });
    expect(await facilities()).toEqual(before);
    expect(await trail()).toEqual(trailBefore);

    cell(broken, '调整日期').value = '2019-12-01';
    cell(unexplained, '调整结果').value = '保留';
    const accepted = await upload(book);
    expect(accepted).toMatchObject({
      status: 200,
      body: { imported: 4, created: 1, updated: 3, unchanged: 15, rejected: [] },
    });
    const after = await facilities();
    expect(after.size).toBe(before.size + 1);
    const edited = [a, b, c].map((row) => cell(row, '设施编号').text);
    const changed = [...before].filter(([id, row]) => after.get(id) !== row).map(([id]) => id);
    expect(changed.sort()).toEqual([...edited].sort());
    const [created] = await sql(
      `select id, kind, outcome, became, restructured_on::text as day from restructured_facility where name = '原乡第二卫生所'`,
    );
    expect(created).toMatchObject({
      kind: 'CLINIC',
      outcome: 'CONVERTED',
      became: '村卫生室',
      day: '2020-01-15',
    });
    const [merged] = await sql(`select outcome, became, version from restructured_facility where id = ?`, [
      edited[0],
    ]);
    expect(merged).toEqual({ outcome: 'MERGED', became: '镇中心小学（新校区）', version: 2 });
    expect((await trail()).slice(trailBefore.length).sort()).toEqual(
      [`create ${hr.sub} ${created.id}`, ...edited.map((id) => `update ${hr.sub} ${id}`)].sort(),
    );
  });

  it('lets a township keep its own merge’s facilities, once per Idempotency-Key', async () => {
    const [edge] = await sql(
      `select s.predecessor_code, s.successor_code from region_succession s join region r on r.code = s.predecessor_code
        where r.level = 'TOWNSHIP' order by s.predecessor_code limit 1`,
    );
    const town = edge.successor_code as string;
    const clerk: Claims = { sub: 'township-facility-clerk', roles: [`township:${town}`] };
    const { book, sheet, rows, cell } = await exported(clerk, `region=${town}`);
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) expect(cell(row, '现区划代码').text).toBe(town);
    cell(rows[0], '并入/转为').value = '镇区域性服务中心';
    const added = sheet.addRow([]);
    cell(added, '原区划代码').value = edge.predecessor_code;
    cell(added, '现区划代码').value = town;
    cell(added, '设施类别').value = '养老机构';
    cell(added, '设施名称').value = '原乡日间照料中心';
    cell(added, '调整结果').value = '保留';
    cell(added, '调整日期').value = '2019-12-01';
    const before = await facilities();
    const trailBefore = await trail();

    // a client retrying a lost answer: the same key gives the same answer and one new facility
    const bytes = new Uint8Array(await book.xlsx.writeBuffer());
    const first = await upload(bytes, clerk, `region=${town}`, 'facility-ledger-0001');
    const again = await upload(bytes, clerk, `region=${town}`, 'facility-ledger-0001');
    expect(first).toMatchObject({ status: 200, body: { created: 1, updated: 1 } });
    expect(again).toEqual(first);
    expect((await facilities()).size).toBe(before.size + 1);
    expect(await trail()).toHaveLength(trailBefore.length + 2);
  });

  it('is refused to a caller without merge-ledger.write, and row by row outside a township’s own merges', async () => {
    const { book, rows, cell } = await exported();
    const towns = [...new Set(rows.map((row) => cell(row, '现区划代码').text))];
    expect(towns.length).toBeGreaterThan(1);
    const clerk: Claims = { sub: 'other-township-clerk', roles: [`township:${towns[0]}`] };
    const foreign = rows.find((row) => cell(row, '现区划代码').text !== towns[0])!;
    cell(foreign, '并入/转为').value = '县级统一管理';
    const before = await facilities();
    const trailBefore = await trail();

    const asLeader = await upload(book, leader);
    expect(asLeader.status).toBe(403);
    expect(asLeader.body.errors[0].extensions.code).toBe('FORBIDDEN');
    expect((await upload(book, clerk)).status).toBe(403);
    const own = await upload(book, clerk, `region=${towns[0]}`);
    expect(own.status).toBe(400);
    expect(own.body.errors[0].extensions.rejected).toEqual([
      expect.objectContaining({ row: foreign.number, column: '设施编号', rule: 'role' }),
    ]);
    expect(await facilities()).toEqual(before);
    expect(await trail()).toEqual(trailBefore);
  });
});
