import ExcelJS from 'exceljs';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { as, subgraphHeaders, type TestSubgraph } from '@county/test-kit';
import type { Identity } from '@county/kit';
import { LEDGER_COLUMNS } from '../src/ledger/ledger.columns';
import { SPECIAL_GROUPS } from '../src/seeders/catalogue';
import { city, countyLeader, department, reformOffice, startReform, tableCounts } from './fixtures';

let people: TestSubgraph;
let reform: TestSubgraph;

beforeAll(async () => {
  ({ people, reform } = await startReform());
});
afterAll(async () => {
  await reform?.close();
  await people?.close();
});

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const nameOf = (id: string) => city.organizations.find((o) => o.id === id)!.name;
const fileUrl = (query: string) => `${reform.url.replace(/\/graphql$/, '')}/files/ledger.xlsx?${query}`;

async function download(query: string, identity: Identity) {
  return fetch(fileUrl(query), { headers: await subgraphHeaders(reform, identity) });
}

async function upload(query: string, body: Buffer | Uint8Array, identity: Identity = reformOffice) {
  const response = await fetch(fileUrl(query), {
    method: 'POST',
    headers: { ...(await subgraphHeaders(reform, identity)), 'content-type': XLSX },
    body,
  });
  return { status: response.status, body: (await response.json()) as any };
}

/** A rejected cell without its sheet and rule, which the round-trip test checks. */
const cellOf = ({ row, column, reason }: any) => ({ row, column, reason });

type LedgerRow = Partial<Record<keyof typeof LEDGER_COLUMNS, string | Date>>;

let serial = 0;
const goodRow = (overrides: LedgerRow = {}): LedgerRow => ({
  code: `IMP-${++serial}`,
  workPointNumber: '60',
  workPoint: '深化“放管服”改革',
  title: '企业开办“一日办结”',
  specialGroup: SPECIAL_GROUPS[7].name,
  source: '上级部署',
  goal: '企业开办全流程一个工作日内办结',
  leadOrganization: nameOf(department('administrative-approval')),
  cooperatingOrganizations: `${nameOf(department('market-regulation'))}、${nameOf(department('public-security'))}`,
  leader: countyLeader.name,
  keyTask: '是',
  plannedStart: new Date(Date.UTC(2021, 2, 1)),
  plannedEnd: '2021-12-31',
  ...overrides,
});

async function workbook(
  rows: LedgerRow[],
  columns = Object.keys(LEDGER_COLUMNS) as (keyof typeof LEDGER_COLUMNS)[],
) {
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('台账');
  sheet.columns = columns.map((key) => ({ key, header: LEDGER_COLUMNS[key].header }));
  for (const row of rows) sheet.addRow(row);
  return Buffer.from(await book.xlsx.writeBuffer());
}

describe('export', () => {
  it('writes the year’s ledger with expected vs actual progress and lagging flags', async () => {
    const response = await download('year=2020', as.role('leader'));
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe(XLSX);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
    const sheet = book.worksheets[0];
    const headers = (sheet.getRow(1).values as string[]).filter(Boolean);
    expect(headers).toEqual(
      expect.arrayContaining([
        ...Object.values(LEDGER_COLUMNS).map((c) => c.header),
        '序时进度(%)',
        '实际进度(%)',
        '是否滞后',
      ]),
    );
    const column = (header: string) => headers.indexOf(header) + 1;

    const stats = await reform.query<any>(
      `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Region { reformStats(year: 2020) { total lagging } } } }`,
      { r: [{ __typename: 'Region', code: DEMO_COUNTY_CODE }] },
    );
    const { total, lagging } = stats.data._entities[0].reformStats;
    expect(sheet.rowCount - 1).toBe(total);
    const flags: string[] = [];
    const leads: string[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      flags.push(String(row.getCell(column('是否滞后')).value));
      leads.push(String(row.getCell(column('牵头单位')).value));
    });
    expect(flags.filter((f) => f === '是')).toHaveLength(lagging);
    // units appear by their directory names, not ids
    expect(leads.every((name) => city.organizations.some((o) => o.name === name))).toBe(true);
  });

  it('needs a signed-in caller and a year', async () => {
    expect((await download('year=2020', as.anonymous)).status).toBe(401);
    const bad = await download('year=twenty', reformOffice);
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as any).errors[0].extensions).toMatchObject({ field: 'year' });
  });
});

describe('import', () => {
  it('adds every row of a good ledger, units and leaders looked up by name or credit code', async () => {
    const creditCode = city.organizations.find((o) => o.id === department('finance'))!.creditCode!;
    const rows = [
      goodRow(),
      goodRow({ leadOrganization: creditCode, cooperatingOrganizations: '', leader: '', keyTask: '否' }),
    ];
    const result = await upload('year=2021&region=990722', await workbook(rows));
    expect(result).toMatchObject({ status: 200, body: { imported: 2, created: 2, rejected: [] } });
    const tasks = await reform.query<any>(
      `{ reformTasks(year: 2021) { nodes { code leadOrganization { id } cooperatingOrganizations { id } leader { id } keyTask plannedStart workPoint { number title } } } }`,
    );
    const [first, second] = tasks.data.reformTasks.nodes;
    expect(first).toMatchObject({
      leadOrganization: { id: department('administrative-approval') },
      cooperatingOrganizations: [
        { id: department('market-regulation') },
        { id: department('public-security') },
      ],
      leader: { id: countyLeader.id },
      keyTask: true,
      plannedStart: '2021-03-01',
      workPoint: { number: 60, title: '深化“放管服”改革' },
    });
    expect(second).toMatchObject({
      leadOrganization: { id: department('finance') },
      leader: null,
      keyTask: false,
    });
  });

  it('refuses the whole file when any row is bad, listing every rejected row', async () => {
    const before = await tableCounts(reform);
    const first = goodRow();
    const rows = [
      first,
      goodRow({ plannedStart: '2021-02-30' }),
      goodRow({ leadOrganization: '县不存在局', cooperatingOrganizations: '县虚构办' }),
      goodRow({ specialGroup: '不存在小组', plannedEnd: '明年' }),
      goodRow({ code: first.code }),
    ];
    const result = await upload('year=2021&region=990722', await workbook(rows));
    expect(result.status).toBe(400);
    const error = result.body.errors[0];
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', rule: 'rows' });
    expect(error.extensions.rejected.map(cellOf)).toEqual([
      { row: 3, column: '计划开始', reason: expect.stringMatching(/2021-02-30 is not a date/) },
      { row: 4, column: '牵头单位', reason: expect.stringMatching(/unknown unit 县不存在局/) },
      { row: 4, column: '配合单位', reason: expect.stringMatching(/unknown unit 县虚构办/) },
      { row: 5, column: '专项小组', reason: expect.stringMatching(/不存在小组/) },
      { row: 5, column: '计划完成', reason: expect.stringMatching(/not a date/) },
      { row: 6, column: '任务编号', reason: expect.stringMatching(/on an earlier row/) },
    ]);
    expect(await tableCounts(reform)).toEqual(before);
  });

  it('applies the same rules as createReformTask to every row (one schema for the form and the sheet)', async () => {
    const before = await tableCounts(reform);
    const rows = [
      goodRow({ title: '改'.repeat(301) }),
      goodRow({ goal: '目标\u202e反向' }),
      goodRow({ plannedStart: '2021-06-01', plannedEnd: '2021-05-01' }),
      goodRow({ code: 'IMP 空格' }),
    ];
    const result = await upload('year=2021&region=990722', await workbook(rows));
    expect(result.status).toBe(400);
    expect(result.body.errors[0].extensions.rejected.map(cellOf)).toEqual([
      { row: 2, column: '任务名称', reason: expect.stringMatching(/300/) },
      { row: 3, column: '改革目标', reason: expect.stringMatching(/control/) },
      { row: 4, column: '计划完成', reason: 'must not be before plannedStart' },
      { row: 5, column: '任务编号', reason: 'must be 1–40 letters, digits or dashes' },
    ]);
    expect(await tableCounts(reform)).toEqual(before);
  });

  it.each([
    [
      'a missing column',
      async () =>
        workbook(
          [goodRow()],
          ['code', 'title', 'specialGroup', 'source', 'goal', 'plannedStart', 'plannedEnd'],
        ),
      'missing-column',
      /牵头单位/,
    ],
    ['an empty file', async () => Buffer.alloc(0), 'empty', /empty/],
    ['a sheet with a header only', async () => workbook([]), 'empty', /no rows/],
    ['a file that is not .xlsx', async () => Buffer.from('任务编号,任务名称\n1,2\n'), 'xlsx', /not an .xlsx/],
    [
      'a zip that is not a workbook',
      async () => Buffer.from('504b030414000000080000000000', 'hex'),
      'xlsx',
      /not an .xlsx/,
    ],
  ])('refuses %s', async (_, file, rule, message) => {
    const before = await tableCounts(reform);
    const result = await upload('year=2021&region=990722', await file());
    expect(result.status).toBe(400);
    expect(result.body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', rule });
    expect(result.body.errors[0].message).toMatch(message);
    expect(await tableCounts(reform)).toEqual(before);
  });

  it('is for the reform office only', async () => {
    const file = await workbook([goodRow()]);
    expect((await upload('year=2021&region=990722', file, as.role('leader'))).status).toBe(403);
    expect((await upload('year=2021&region=990722', file, as.anonymous)).status).toBe(401);
  });
});
