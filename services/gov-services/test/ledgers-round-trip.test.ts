import ExcelJS from 'exceljs';
import { chinaDay } from '@county/domain';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { startTestGateway, type TestGateway, type TestSubgraph } from '@county/test-kit';
import { countyCentre, ok, startFixtures, townshipCentre } from './fixtures';

/**
 * The bureau's ledgers (事项目录, 服务中心, 窗口, 工作人员) exported through the gateway, edited as in Excel:
 * three rows changed, one added, one broken → refused naming the cell, nothing written; fixed → exactly
 * the four rows written, each through its GraphQL write path and audited.
 */
let people: TestSubgraph;
let gov: TestSubgraph;
let gateway: TestGateway;
type Claims = { sub: string; roles: string[] };
const bureau = (sub: string): Claims => ({ sub, roles: [`department:${countyCentre.organization_id}`] });
const auditor = { sub: 'auditor', roles: ['auditor'] };
const REGION = `region=${DEMO_COUNTY_CODE}`;

beforeAll(async () => {
  ({ people, gov } = await startFixtures());
  gateway = await startTestGateway([people, gov]);
}, 90_000);
afterAll(async () => {
  await gateway.stop();
  await gov.close();
  await people.close();
});

const url = (path: string, query: string) =>
  `${gateway.url.replace(/\/graphql$/, '')}/files/gov-services/${path}?${query}`;
const bearer = async (claims: Claims) => ({ authorization: `Bearer ${await gateway.token(claims)}` });

async function exported(path: string, claims: Claims) {
  const response = await fetch(url(path, REGION), { headers: await bearer(claims) });
  expect(response.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
  const sheet = book.worksheets[0];
  const headers = (sheet.getRow(1).values as unknown[]).map(String);
  const cell = (row: ExcelJS.Row, header: string) => {
    expect(headers).toContain(header);
    return row.getCell(headers.indexOf(header));
  };
  return {
    book,
    sheet,
    cell,
    text: (row: ExcelJS.Row, header: string) => String(cell(row, header).value ?? ''),
  };
}
type Sheet = Awaited<ReturnType<typeof exported>>;

async function upload(path: string, book: ExcelJS.Workbook, claims: Claims, query = REGION) {
  const response = await fetch(url(path, query), {
    method: 'POST',
    headers: await bearer(claims),
    body: new Uint8Array(await book.xlsx.writeBuffer()),
  });
  return { status: response.status, body: (await response.json()) as any };
}

const sql = async (query: string) => gov.orm.em.fork().getConnection().execute(query);
async function versions(table: string, key = 'id'): Promise<Map<string, number>> {
  const rows = (await sql(`select ${key} as key, version from ${table}`)) as {
    key: string;
    version: number;
  }[];
  return new Map(rows.map((r) => [r.key, r.version]));
}
async function trail(subject: string, entity: string): Promise<string[]> {
  const { govServicesAuditTrail } = await ok(
    gateway.query(
      `query ($s: String, $e: String) { govServicesAuditTrail(subject: $s, entity: $e, first: 100) { nodes { operation entityId } } }`,
      { s: subject, e: entity },
      { claims: auditor },
    ),
  );
  return govServicesAuditTrail.nodes.map((n: any) => n.operation).sort();
}

interface RoundTrip {
  path: string;
  sheet: string;
  key: string;
  table: string;
  /** The column holding a row's key in `table` (the item catalogue's key is its code). */
  keyColumn?: string;
  entity: string;
  clerk: Claims;
  /** Changes rows a, b, c; fills the added row (a copy of a, key and version cleared). */
  edit(s: Sheet, rows: ExcelJS.Row[], added: ExcelJS.Row): void;
  /** Breaks the row; returns the rejection expected and how to put it right. */
  breakRow(s: Sheet, row: ExcelJS.Row): { column: string; rule: string; fix(): void };
}

async function roundTrip(spec: RoundTrip) {
  const s = await exported(spec.path, spec.clerk);
  expect(s.sheet.name).toBe(spec.sheet);
  const [a, b, c, broken] = [2, 3, 4, 5].map((n) => s.sheet.getRow(n));
  const before = await versions(spec.table, spec.keyColumn);
  const added = s.sheet.addRow(a.values as ExcelJS.CellValue[]);
  if (spec.key !== '实施编码') s.cell(added, spec.key).value = '';
  s.cell(added, '版本').value = '';
  spec.edit(s, [a, b, c], added);
  const { column, rule, fix } = spec.breakRow(s, broken);

  const refused = await upload(spec.path, s.book, spec.clerk);
  expect(refused.status).toBe(400);
  expect(refused.body.errors[0].extensions).toMatchObject({
    code: 'BAD_USER_INPUT',
    field: 'file',
    rule: 'rows',
    rejectedCount: 1,
    rejected: [{ sheet: spec.sheet, row: broken.number, column, rule, reason: expect.any(String) }],
  });
  expect(await versions(spec.table, spec.keyColumn)).toEqual(before);
  expect(await trail(spec.clerk.sub, spec.entity)).toEqual([]);

  fix();
  const accepted = await upload(spec.path, s.book, spec.clerk);
  expect(accepted).toMatchObject({
    status: 200,
    body: { imported: 4, created: 1, updated: 3, unchanged: before.size - 3, rejected: [] },
  });
  const after = await versions(spec.table, spec.keyColumn);
  expect(after.size).toBe(before.size + 1);
  const changed = [...before].filter(([key, version]) => after.get(key) !== version).map(([key]) => key);
  expect(changed.sort()).toEqual([a, b, c].map((row) => s.text(row, spec.key)).sort());
  expect(await trail(spec.clerk.sub, spec.entity)).toEqual(['create', 'update', 'update', 'update']);

  // roles as for the same writes through GraphQL: a leader, another centre's staff
  for (const who of [
    { sub: 'a-leader', roles: ['leader'] },
    { sub: 'township-clerk', roles: [`department:${townshipCentre.organization_id}`] },
  ])
    expect((await upload(spec.path, s.book, who)).status).toBe(403);
  const noRegion = await upload(spec.path, s.book, spec.clerk, '');
  expect(noRegion.body.errors[0].extensions).toMatchObject({ field: 'region', rule: 'required' });
  expect(await versions(spec.table, spec.keyColumn)).toEqual(after);
  return { s, rows: [a, b, c, broken], added };
}

const today = chinaDay();
const later = chinaDay(new Date(Date.now() + 30 * 86_400_000));

describe('the service item catalogue (事项目录)', () => {
  it('changes three items (a new version, a flag, a retirement), adds one, refuses a bad kind', async () => {
    const { s, rows } = await roundTrip({
      path: 'item-catalogue.xlsx',
      sheet: `${DEMO_COUNTY_CODE}政务服务事项目录`,
      key: '实施编码',
      table: 'service_item',
      keyColumn: 'code',
      entity: 'ServiceItem',
      clerk: bureau('catalogue-clerk'),
      edit(sheet, [a, b, c], added) {
        sheet.cell(a, '事项名称').value = '不动产登记(更名后)';
        sheet.cell(a, '生效日期').value = today;
        const frequent = sheet.text(b, '高频事项');
        sheet.cell(b, '高频事项').value = frequent === '是' ? '否' : '是';
        sheet.cell(b, '生效日期').value = today;
        sheet.cell(c, '取消日期').value = later;
        sheet.cell(added, '实施编码').value = `${DEMO_COUNTY_CODE}-LEDGER-0001`;
        sheet.cell(added, '事项名称').value = '台账新增事项';
        sheet.cell(added, '生效日期').value = '';
      },
      breakRow(sheet, row) {
        const was = sheet.cell(row, '事项类型').value;
        sheet.cell(row, '事项类型').value = '行政审核';
        return { column: '事项类型', rule: 'enum', fix: () => (sheet.cell(row, '事项类型').value = was) };
      },
    });
    const [a, , c] = rows;
    const [renamed] = await sql(
      `select i.name, i.retired_from, (select count(*)::int from service_item_version v where v.item_id = i.id) versions
         from service_item i where code = '${s.text(a, '实施编码')}'`,
    );
    expect(renamed).toMatchObject({ name: '不动产登记(更名后)', versions: 2 });
    const [retired] = await sql(
      `select retired_from::text from service_item where code = '${s.text(c, '实施编码')}'`,
    );
    expect(retired.retired_from).toBe(later);
  });

  it('refuses a changed item whose 生效日期 was left in the past, on that cell, changing nothing', async () => {
    const s = await exported('item-catalogue.xlsx', bureau('catalogue-clerk-2'));
    const row = s.sheet.getRow(7);
    s.cell(row, '事项名称').value = '未写生效日期的变更';
    const before = await versions('service_item', 'code');
    const refused = await upload('item-catalogue.xlsx', s.book, bureau('catalogue-clerk-2'));
    expect(refused.body.errors[0].extensions.rejected).toEqual([
      expect.objectContaining({ row: 7, column: '生效日期', rule: 'not-past' }),
    ]);
    expect(await versions('service_item', 'code')).toEqual(before);
  });
});

describe('the centres (服务中心)', () => {
  it('renames three centres, adds one, refuses a region outside the county', async () => {
    await roundTrip({
      path: 'centres.xlsx',
      sheet: `${DEMO_COUNTY_CODE}政务服务中心`,
      key: '中心编号',
      table: 'service_centre',
      entity: 'ServiceCentre',
      clerk: bureau('centre-clerk'),
      edit(sheet, rows, added) {
        rows.forEach(
          (row, i) => (sheet.cell(row, '中心名称').value = `${sheet.text(row, '中心名称')}(${i + 1})`),
        );
        sheet.cell(added, '中心名称').value = '台账新增便民服务中心';
        // the first row is the county centre: a second one is refused, so the new one is a township's
        sheet.cell(added, '所在区划').value = townshipCentre.region_code;
      },
      breakRow(sheet, row) {
        const was = sheet.cell(row, '所在区划').value;
        sheet.cell(row, '所在区划').value = '110101';
        return { column: '所在区划', rule: 'within', fix: () => (sheet.cell(row, '所在区划').value = was) };
      },
    });
  });
});

describe('the windows (窗口)', () => {
  it('renames three windows, adds one, refuses a malformed window number', async () => {
    await roundTrip({
      path: 'windows.xlsx',
      sheet: `${DEMO_COUNTY_CODE}服务窗口`,
      key: '窗口编号',
      table: 'service_window',
      entity: 'ServiceWindow',
      clerk: bureau('window-clerk'),
      edit(sheet, rows, added) {
        rows.forEach((row, i) => (sheet.cell(row, '窗口名称').value = `台账窗口${i + 1}`));
        sheet.cell(added, '窗口号').value = 'Z99';
      },
      breakRow(sheet, row) {
        const was = sheet.cell(row, '窗口号').value;
        sheet.cell(row, '窗口号').value = '窗口 1';
        return { column: '窗口号', rule: 'format', fix: () => (sheet.cell(row, '窗口号').value = was) };
      },
    });
  });
});

describe('the staff (工作人员)', () => {
  const clerk = bureau('staff-clerk');
  const phones = async () =>
    new Map(
      ((await sql(`select id, phone from service_staff`)) as { id: string; phone: string }[]).map((r) => [
        r.id,
        r.phone,
      ]),
    );

  it('shows phones in full only to hr', async () => {
    const masked = await exported('staff.xlsx', clerk);
    const full = await exported('staff.xlsx', { sub: 'hr', roles: ['hr'] });
    const stored = await phones();
    const row = (s: Sheet) => s.sheet.getRow(2);
    expect(full.text(row(full), '联系电话')).toBe(stored.get(full.text(row(full), '人员编号')));
    expect(masked.text(row(masked), '联系电话')).toMatch(/^1\d{2}\*{4}\d{4}$/);
  });

  it('changes a post, a B岗 and a window, adds one; masked phones left as exported keep the number', async () => {
    const before = await phones();
    const { s, rows, added } = await roundTrip({
      path: 'staff.xlsx',
      sheet: `${DEMO_COUNTY_CODE}窗口工作人员`,
      key: '人员编号',
      table: 'service_staff',
      entity: 'ServiceStaff',
      clerk,
      edit(sheet, [a, b, c], row) {
        sheet.cell(a, '岗位(A岗)').value = '综合受理(台账)';
        // B岗: a colleague of the same centre whose name is theirs alone
        const centre = sheet.text(b, '所属中心');
        const names: string[] = [];
        sheet.sheet.eachRow((r, n) => {
          if (n > 1 && sheet.text(r, '所属中心') === centre) names.push(sheet.text(r, '姓名'));
        });
        sheet.cell(b, '备岗人员(B岗)').value = names.find(
          (name) =>
            names.indexOf(name) === names.lastIndexOf(name) &&
            name !== sheet.text(b, '姓名') &&
            name !== sheet.text(b, '备岗人员(B岗)'),
        )!;
        sheet.cell(c, '窗口号').value = sheet.text(c, '窗口号') === 'A01' ? 'A02' : 'A01';
        sheet.cell(row, '姓名').value = '台账新人';
        sheet.cell(row, '联系电话').value = '13900001111';
        sheet.cell(row, '备岗人员(B岗)').value = '';
      },
      breakRow(sheet, row) {
        const was = sheet.cell(row, '联系电话').value;
        expect(String(was)).toContain('****');
        sheet.cell(row, '联系电话').value = '12345';
        return { column: '联系电话', rule: 'format', fix: () => (sheet.cell(row, '联系电话').value = was) };
      },
    });
    const after = await phones();
    for (const row of rows) {
      const id = s.text(row, '人员编号');
      expect(s.text(row, '联系电话')).toContain('****');
      expect(after.get(id)).toBe(before.get(id));
    }
    const [created] = await sql(`select phone, post from service_staff where name = '台账新人'`);
    expect(created).toEqual({ phone: '13900001111', post: s.text(added, '岗位(A岗)') });
  });

  it('refuses a masked phone on a new row, and takes as B岗 a member added on an earlier row', async () => {
    const s = await exported('staff.xlsx', clerk);
    const newMember = (name: string, backup: string, phone: string) => {
      const row = s.sheet.addRow(s.sheet.getRow(2).values as ExcelJS.CellValue[]);
      for (const [header, value] of [
        ['人员编号', ''],
        ['版本', ''],
        ['姓名', name],
        ['备岗人员(B岗)', backup],
        ['联系电话', phone],
      ])
        s.cell(row, header).value = value;
      return row;
    };
    newMember('台账乙', '', '');
    const second = newMember('台账丙', '台账乙', '139****1111');
    const before = await versions('service_staff');
    const refused = await upload('staff.xlsx', s.book, clerk);
    expect(refused.body.errors[0].extensions.rejected).toEqual([
      expect.objectContaining({ row: second.number, column: '联系电话', rule: 'format' }),
    ]);
    expect(await versions('service_staff')).toEqual(before);

    s.cell(second, '联系电话').value = '';
    expect(await upload('staff.xlsx', s.book, clerk)).toMatchObject({
      status: 200,
      body: { created: 2, updated: 0 },
    });
    const [backed] = await sql(
      `select b.name from service_staff s join service_staff b on b.id = s.backup_staff_id where s.name = '台账丙'`,
    );
    expect(backed).toEqual({ name: '台账乙' });
  });
});
