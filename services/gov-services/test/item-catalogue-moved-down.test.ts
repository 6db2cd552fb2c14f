import ExcelJS from 'exceljs';
import { chinaDay } from '@county/domain';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { startTestGateway, type TestGateway, type TestSubgraph } from '@county/test-kit';
import { countyCentre, ok, startFixtures } from './fixtures';

/**
 * 下沉方式, 下沉文件, 下沉日期 in the item catalogue (事项目录) both ways, through the gateway: a changed way down
 * and an added stationed approval are written by createServiceItem / moveServiceItemDown (their rules, their
 * audit); 进驻 on a public service or a 2019-02-30 is refused on its cell and nothing is written.
 */
let people: TestSubgraph;
let gov: TestSubgraph;
let gateway: TestGateway;
type Claims = { sub: string; roles: string[] };
const bureau = (sub: string): Claims => ({ sub, roles: [`department:${countyCentre.organization_id}`] });
const PATH = 'item-catalogue.xlsx';
const SHEET = `${DEMO_COUNTY_CODE}政务服务事项目录`;

beforeAll(async () => {
  ({ people, gov } = await startFixtures());
  gateway = await startTestGateway([people, gov]);
}, 90_000);
afterAll(async () => {
  await gateway.stop();
  await gov.close();
  await people.close();
});

const url = () =>
  `${gateway.url.replace(/\/graphql$/, '')}/files/gov-services/${PATH}?region=${DEMO_COUNTY_CODE}`;
const bearer = async (claims: Claims) => ({ authorization: `Bearer ${await gateway.token(claims)}` });

async function exported(claims: Claims) {
  const response = await fetch(url(), { headers: await bearer(claims) });
  expect(response.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
  const sheet = book.worksheets[0];
  const headers = (sheet.getRow(1).values as unknown[]).map(String);
  const cell = (row: ExcelJS.Row, header: string) => {
    expect(headers).toContain(header);
    return row.getCell(headers.indexOf(header));
  };
  const text = (row: ExcelJS.Row, header: string) => String(cell(row, header).value ?? '');
  const rowOf = (code: string) => {
    const rows = sheet.getRows(2, sheet.rowCount - 1)!.filter((row) => text(row, '实施编码') === code);
    expect(rows).toHaveLength(1);
    return rows[0];
  };
  return { book, sheet, cell, text, rowOf };
}

async function upload(book: ExcelJS.Workbook, claims: Claims) {
  const response = await fetch(url(), {
    method: 'POST',
    headers: await bearer(claims),
    body: new Uint8Array(await book.xlsx.writeBuffer()),
  });
  return { status: response.status, body: (await response.json()) as any };
}

const sql = async (query: string): Promise<any[]> => gov.orm.em.fork().getConnection().execute(query);
/** Every item's version and way down, and its stored versions, by code. */
const items = async () =>
  new Map(
    (
      await sql(`select code, version, moved_down, moved_down_document, moved_down_on::text,
                        (select count(*)::int from service_item_version v where v.item_id = i.id) versions
                   from service_item i order by code`)
    ).map(({ code, ...rest }) => [code as string, rest]),
  );
async function trail(subject: string): Promise<string[]> {
  const { govServicesAuditTrail } = await ok(
    gateway.query(
      `query ($s: String) { govServicesAuditTrail(subject: $s, entity: "ServiceItem", first: 100) { nodes { operation } } }`,
      { s: subject },
      { claims: { sub: 'auditor', roles: ['auditor'] } },
    ),
  );
  return govServicesAuditTrail.nodes.map((n: any) => n.operation).sort();
}
const codesWhere = async (condition: string) =>
  (
    await sql(
      `select code from service_item where region_code = '${DEMO_COUNTY_CODE}' and ${condition} order by code`,
    )
  ).map((row) => row.code as string);

describe('the catalogue’s 下沉 columns (事项目录)', () => {
  it('exports the ways down, refuses 进驻 on a public service and 2019-02-30 naming their cells, then writes exactly the changed and the added row', async () => {
    const clerk = bureau('moved-down-clerk');
    const s = await exported(clerk);
    expect(s.sheet.name).toBe(SHEET);
    const [stationed] = await codesWhere(`moved_down = 'STATIONED'`);
    const [changed, broken] = await codesWhere(`moved_down = 'DELEGATED' and kind = 'PUBLIC_SERVICE'`);
    const [undated] = await codesWhere(`moved_down is null`);
    const before = await items();
    const was = before.get(stationed)!;
    // the export: labels, document and day; an item not moved down has empty cells
    const template = s.rowOf(stationed);
    expect([
      s.text(template, '下沉方式'),
      s.text(template, '下沉文件'),
      s.text(template, '下沉日期'),
    ]).toEqual(['进驻', was.moved_down_document, was.moved_down_on]);
    expect(s.text(s.rowOf(changed), '下沉方式')).toBe('下放');
    expect(['下沉方式', '下沉文件', '下沉日期'].map((h) => s.text(s.rowOf(undated), h))).toEqual([
      '',
      '',
      '',
    ]);

    // one way down changed (no 生效日期: not a new version), one stationed approval added
    s.cell(s.rowOf(changed), '下沉方式').value = '其他';
    const added = s.sheet.addRow(template.values as ExcelJS.CellValue[]);
    const code = `${DEMO_COUNTY_CODE}-SINK-0001`;
    s.cell(added, '实施编码').value = code;
    s.cell(added, '版本').value = '';
    s.cell(added, '事项名称').value = '台账新增进驻事项';
    s.cell(added, '生效日期').value = '';
    s.cell(added, '下沉文件').value = '县政办发〔2026〕12号';
    s.cell(added, '下沉日期').value = '2026-11-30';
    // two broken cells: a public service stationed, a day that does not exist
    const brokenRow = s.rowOf(broken);
    const undatedRow = s.rowOf(undated);
    s.cell(brokenRow, '下沉方式').value = '进驻';
    s.cell(undatedRow, '下沉日期').value = '2019-02-30';

    const refused = await upload(s.book, clerk);
    expect(refused.status).toBe(400);
    const rejected = refused.body.errors[0].extensions.rejected;
    expect(rejected).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          sheet: SHEET,
          row: brokenRow.number,
          column: '下沉方式',
          rule: 'stationed',
        }),
        expect.objectContaining({ sheet: SHEET, row: undatedRow.number, column: '下沉日期', rule: 'date' }),
      ]),
    );
    expect(rejected).toHaveLength(2);
    expect(JSON.stringify(refused.body)).not.toMatch(/select |stack|\.ts:/i);
    expect(await items()).toEqual(before);
    expect(await trail(clerk.sub)).toEqual([]);

    s.cell(brokenRow, '下沉方式').value = '下放';
    s.cell(undatedRow, '下沉日期').value = '';
    const accepted = await upload(s.book, clerk);
    expect(accepted).toMatchObject({
      status: 200,
      body: { imported: 2, created: 1, updated: 1, unchanged: before.size - 1, rejected: [] },
    });
    const after = await items();
    const differing = [...after.keys()].filter(
      (key) => JSON.stringify(after.get(key)) !== JSON.stringify(before.get(key)),
    );
    expect(differing.sort()).toEqual([code, changed].sort());
    const then = before.get(changed)!;
    // moveServiceItemDown's write: a new row version (locking), the same item versions
    expect(after.get(changed)).toEqual({ ...then, moved_down: 'OTHER', version: then.version + 1 });
    expect(after.get(code)).toEqual({
      version: 1,
      versions: 1,
      moved_down: 'STATIONED',
      moved_down_document: '县政办发〔2026〕12号',
      moved_down_on: '2026-11-30',
    });
    expect(await trail(clerk.sub)).toEqual(['create', 'update']);

    // read back through GraphQL and through the next export
    const read = await ok(
      gateway.query(
        `{ serviceItems(regionCode: "${DEMO_COUNTY_CODE}", name: "台账新增进驻事项", first: 1) { nodes { code movedDown movedDownDocument movedDownOn } } }`,
        {},
        { claims: { sub: 'leader', roles: ['leader'] } },
      ),
    );
    expect(read.serviceItems.nodes).toEqual([
      { code, movedDown: 'STATIONED', movedDownDocument: '县政办发〔2026〕12号', movedDownOn: '2026-11-30' },
    ]);
    const again = await exported(clerk);
    expect(again.text(again.rowOf(changed), '下沉方式')).toBe('其他');
    expect(again.text(again.rowOf(code), '下沉方式')).toBe('进驻');
  });

  it('writes a row that changes an approval’s way down and its kind together in the order the rules allow', async () => {
    const clerk = bureau('moved-down-clerk-2');
    const s = await exported(clerk);
    // a stationed approval becomes a public service moved down (下放): stationed first would be refused
    const [approval] = await codesWhere(`moved_down = 'STATIONED'`);
    const row = s.rowOf(approval);
    s.cell(row, '事项类型').value = '公共服务';
    s.cell(row, '下沉方式').value = '下放';
    s.cell(row, '生效日期').value = chinaDay();
    const accepted = await upload(s.book, clerk);
    expect(accepted).toMatchObject({ status: 200, body: { imported: 1, updated: 1 } });
    const [item] = await sql(`select kind, moved_down from service_item where code = '${approval}'`);
    expect(item).toEqual({ kind: 'PUBLIC_SERVICE', moved_down: 'DELEGATED' });
    // the same change of kind alone is refused by updateServiceItem's own 下沉 rule, on the kind's cell
    const t = await exported(clerk);
    const [other] = await codesWhere(`moved_down = 'STATIONED'`);
    const otherRow = t.rowOf(other);
    t.cell(otherRow, '事项类型').value = '公共服务';
    t.cell(otherRow, '生效日期').value = chinaDay();
    const refused = await upload(t.book, clerk);
    expect(refused.body.errors[0].extensions.rejected).toEqual([
      expect.objectContaining({ row: otherRow.number, column: '事项类型', rule: 'stationed' }),
    ]);
  });
});
