import ExcelJS from 'exceljs';
import {
  DEMO_COUNTY_CODE,
  demoOrganizationId,
  generateDemoCity,
  organizationNaturalKey,
} from '@county/demo-data';
import { bulkInsert, type Claims } from '@county/kit';
import { startTestGateway, startTestSubgraph, type TestGateway, type TestSubgraph } from '@county/test-kit';
import { peopleSubgraph } from '@county/people';
import { governanceSubgraph } from '@county/governance';
import { demoCounties } from '../src/seeders/county';
import { demoStructure } from '../src/seeders/seed';

/*
 * The dispute register (矛盾纠纷登记台账) through the gateway: a township's clerk exports the county's
 * register (other townships' parties masked), edits it as in Excel and imports it again.
 */
let people: TestSubgraph;
let governance: TestSubgraph;
let gateway: TestGateway;
const city = generateDemoCity({ counties: 1 });
const [township, otherTownship] = city.regions.filter((r) => r.parentCode === DEMO_COUNTY_CODE);
const village = city.regions.find((r) => r.parentCode === township.code)!;
const otherVillage = city.regions.find((r) => r.parentCode === otherTownship.code)!;
const villageCommittee = demoOrganizationId(organizationNaturalKey(village.code, 'mediation'));
const clerk: Claims = { sub: 'township-register-clerk', roles: [`township:${township.code}`] };
const otherClerk: Claims = { sub: 'other-township-clerk', roles: [`township:${otherTownship.code}`] };
const auditor: Claims = { sub: 'auditor-register', roles: ['auditor'] };
const REGION = `region=${DEMO_COUNTY_CODE}`;
const PARTIES = (i: number) => `王某${i}（13800000${String(i).padStart(3, '0')}）与李某`;

const REGISTER = `mutation ($input: RegisterDisputeInput!) { registerDispute(input: $input) { id } }`;

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  governance = await startTestSubgraph(governanceSubgraph, { directory: people });
  const em = governance.orm.em.fork();
  const { tables } = demoStructure(city, demoCounties(city)[0]);
  for (const [table, rows] of Object.entries(tables)) await bulkInsert(em, table, rows);
  gateway = await startTestGateway([people, governance]);
  for (let i = 1; i <= 6; i++) {
    const own = i <= 4;
    const { errors } = await gateway.query(
      REGISTER,
      {
        input: {
          kind: 'NEIGHBOURS',
          channel: 'GRID_PATROL',
          reportedAt: `2024-05-06T0${i}:00:00Z`,
          regionCode: own ? village.code : otherVillage.code,
          parties: PARTIES(i),
          partyCount: 2,
          summary: `因排水沟堵塞发生争执（${i}）`,
          riskColour: 'YELLOW',
        },
      },
      { claims: own ? { ...clerk, sub: 'registrar' } : { ...otherClerk, sub: 'registrar' } },
    );
    expect(errors).toBeUndefined();
  }
});
afterAll(async () => {
  await gateway?.stop();
  await governance?.close();
  await people?.close();
});

const sql = <T = any>(text: string, params: unknown[] = []) =>
  governance.orm.em.fork().getConnection().execute<T[]>(text, params);
const url = (query: string) =>
  `${gateway.url.replace(/\/graphql$/, '')}/files/governance/disputes.xlsx?${query}`;
const bearer = async (claims: Claims) => ({ authorization: `Bearer ${await gateway.token(claims)}` });

async function exported(claims: Claims = clerk) {
  const response = await fetch(url(REGION), { headers: await bearer(claims) });
  expect(response.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
  const sheet = book.worksheets[0];
  const headers = (sheet.getRow(1).values as string[]).map(String);
  const cell = (row: ExcelJS.Row, header: string) => {
    expect(headers).toContain(header);
    return row.getCell(headers.indexOf(header));
  };
  return { book, sheet, cell };
}

async function upload(book: ExcelJS.Workbook, claims: Claims = clerk, query = REGION) {
  const response = await fetch(url(query), {
    method: 'POST',
    headers: await bearer(claims),
    body: new Uint8Array(await book.xlsx.writeBuffer()),
  });
  return { status: response.status, body: (await response.json()) as any };
}

async function trailOf(subject: string): Promise<string[]> {
  const result = await gateway.query<any>(
    `query ($s: String) { governanceAuditTrail(subject: $s, entity: "Dispute", first: 100) { nodes { operation } } }`,
    { s: subject },
    { claims: auditor },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.governanceAuditTrail.nodes.map((n: any) => n.operation).sort();
}

const snapshot = async () =>
  new Map((await sql(`select * from dispute`)).map((r) => [r.id as string, JSON.stringify(r)]));
const steps = async () => Number((await sql(`select count(*) n from dispute_step`))[0].n);

describe('the dispute register (矛盾纠纷登记台账) round trip through the gateway', () => {
  it('masks the parties for a caller who may not read them', async () => {
    const { sheet, cell } = await exported({ sub: 'a-leader', roles: ['leader'] });
    expect(sheet.name).toBe('矛盾纠纷登记台账');
    expect(sheet.rowCount).toBe(7);
    for (let n = 2; n <= 7; n++) {
      expect(cell(sheet.getRow(n), '当事人').text).toBe('***');
      expect(cell(sheet.getRow(n), '纠纷简况').text).toBe('***');
    }
  });

  it('refuses a broken cell naming it and changing nothing, then records exactly the 4 edited rows', async () => {
    const { book, sheet, cell } = await exported();
    const [a, b, c, broken, masked] = [2, 3, 4, 5, 6].map((n) => sheet.getRow(n));
    expect(cell(a, '当事人').text).toBe(PARTIES(1));
    expect(cell(masked, '当事人').text).toBe('***');
    const before = await snapshot();
    const stepsBefore = await steps();

    cell(a, '办理状态').value = '调解中';
    cell(a, '调解组织').value = villageCommittee;
    cell(a, '办理时间').value = '2024-05-08 10:00';
    cell(b, '办理状态').value = '已化解';
    cell(b, '调解组织').value = villageCommittee;
    cell(b, '化解层级').value = '村级';
    cell(b, '协议形式').value = '口头协议';
    cell(b, '办理时间').value = '2024-05-08 11:00';
    cell(b, '办理说明').value = '双方当场达成和解';
    cell(c, '办理状态').value = '已移交';
    cell(c, '移交去向').value = '诉讼';
    const added = sheet.addRow([]);
    cell(added, '登记时间').value = '2024-06-01 09:30';
    cell(added, '所在区划代码').value = village.code;
    cell(added, '纠纷类型').value = '邻里纠纷';
    cell(added, '发现渠道').value = '来访';
    cell(added, '当事人').value = '赵某与钱某';
    cell(added, '当事人数').value = 2;
    cell(added, '纠纷简况').value = '院墙越界';
    cell(added, '风险等级').value = '黄色';
    const timeWas = cell(broken, '办理时间').value;
    cell(broken, '办理时间').value = '2024-02-30 10:00';

    const refused = await upload(book);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'file',
      rule: 'rows',
      rejectedCount: 1,
      rejected: [
        {
          sheet: '矛盾纠纷登记台账',
          row: broken.number,
          column: '办理时间',
          rule: 'date',
          reason: expect.stringMatching(/2024-02-30 10:00 is not a time/),
        },
      ],
    });
    expect(await snapshot()).toEqual(before);
    expect(await steps()).toBe(stepsBefore);
    expect(await trailOf(clerk.sub)).toEqual([]);

    cell(broken, '办理时间').value = timeWas;
    const accepted = await upload(book);
    expect(accepted).toMatchObject({
      status: 200,
      body: { imported: 4, created: 1, updated: 3, unchanged: 3, rejected: [] },
    });
    const after = await snapshot();
    expect(after.size).toBe(7);
    const changed = [...before].filter(([id, row]) => after.get(id) !== row).map(([id]) => id);
    expect(changed.sort()).toEqual([a, b, c].map((row) => cell(row, '纠纷编号').text).sort());
    expect(await steps()).toBe(stepsBefore + 4);
    expect(await trailOf(clerk.sub)).toEqual(['create', 'update', 'update', 'update']);
    const [resolved] = await sql(
      `select status, resolution_level, agreement_form from dispute where id = ?`,
      [cell(b, '纠纷编号').text],
    );
    expect(resolved).toEqual({ status: 'RESOLVED', resolution_level: 'VILLAGE', agreement_form: 'ORAL' });
    // the other township's row went back masked and left its parties as they were
    const [kept] = await sql(`select parties from dispute where id = ?`, [cell(masked, '纠纷编号').text]);
    expect(kept.parties).toBe(PARTIES(5));
  });

  it('refuses a masked cell as new parties, another township’s rows, and callers who keep no register', async () => {
    const { book, sheet, cell } = await exported();
    const before = await snapshot();
    const own = sheet.getRow(2);
    const added = sheet.addRow(own.values as ExcelJS.CellValue[]);
    cell(added, '纠纷编号').value = '';
    cell(added, '办理状态').value = '';
    cell(added, '当事人').value = '***';
    cell(own, '办理状态').value = '调解不成';
    cell(own, '办理时间').value = '2024-05-09 10:00';

    const foreign = await upload(book, otherClerk);
    expect(foreign.status).toBe(400);
    expect(foreign.body.errors[0].extensions.rejected).toEqual([
      expect.objectContaining({ row: added.number, column: '当事人', rule: 'masked' }),
      expect.objectContaining({ row: own.number, column: '纠纷编号', rule: 'role' }),
    ]);
    expect((await upload(book, { sub: 'a-leader', roles: ['leader'] })).status).toBe(403);
    expect((await upload(book, { sub: 'hr-clerk', roles: ['hr'] })).status).toBe(403);
    const noRegion = await upload(book, clerk, '');
    expect(noRegion.body.errors[0].extensions).toMatchObject({ field: 'region', rule: 'required' });
    expect(await snapshot()).toEqual(before);
  });
});

describe('a dispute entered after the fact', () => {
  it('is registered and then takes the step its 办理状态 names, through the same two mutations', async () => {
    const { book, sheet, cell } = await exported();
    const rows = sheet.rowCount - 1;
    const added = sheet.addRow([]);
    cell(added, '登记时间').value = '2024-06-02 09:00';
    cell(added, '所在区划代码').value = village.code;
    cell(added, '纠纷类型').value = '婚姻家庭';
    cell(added, '发现渠道').value = '网格巡查';
    cell(added, '当事人').value = '孙某与周某';
    cell(added, '当事人数').value = 2;
    cell(added, '纠纷简况').value = '赡养费争议';
    cell(added, '风险等级').value = '黄色';
    cell(added, '办理状态').value = '已化解';
    cell(added, '调解组织').value = villageCommittee;
    cell(added, '化解层级').value = '村级';
    cell(added, '协议形式').value = '书面协议';
    cell(added, '办理时间').value = '2024-06-02 10:00';
    const accepted = await upload(book);
    expect(accepted).toMatchObject({ status: 200, body: { created: 1, updated: 0, unchanged: rows } });
    const [dispute] = await sql(
      `select d.status, to_char(d.resolved_at at time zone 'Asia/Shanghai', 'YYYY-MM-DD HH24:MI') resolved_at, array_agg(s.action order by s.sequence) actions
         from dispute d join dispute_step s on s.dispute_id = d.id where d.parties = '孙某与周某' group by d.id`,
    );
    expect(dispute).toEqual({
      status: 'RESOLVED',
      resolved_at: '2024-06-02 10:00',
      actions: ['REGISTER', 'RESOLVE'],
    });
  });
});

describe('the grid roster (网格及网格员名册) round trip through the gateway', () => {
  const gridUrl = (query: string) =>
    `${gateway.url.replace(/\/graphql$/, '')}/files/governance/grids.xlsx?${query}`;
  const TOWNSHIP = `region=${township.code}`;
  const gridWorker = city.people.find((p) => p.roles.includes('GRID_WORKER' as never))!;
  const grids = async () =>
    new Map((await sql(`select * from grid`)).map((r) => [r.id as string, JSON.stringify(r)]));

  async function roster() {
    const response = await fetch(gridUrl(TOWNSHIP), { headers: await bearer(clerk) });
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
    const sheet = book.worksheets[0];
    const headers = (sheet.getRow(1).values as string[]).map(String);
    const cell = (row: ExcelJS.Row, header: string) => {
      expect(headers).toContain(header);
      return row.getCell(headers.indexOf(header));
    };
    return { book, sheet, cell };
  }
  async function post(book: ExcelJS.Workbook, claims: Claims = clerk) {
    const response = await fetch(gridUrl(TOWNSHIP), {
      method: 'POST',
      headers: await bearer(claims),
      body: new Uint8Array(await book.xlsx.writeBuffer()),
    });
    return { status: response.status, body: (await response.json()) as any };
  }
  const gridTrail = async () => {
    const result = await gateway.query<any>(
      `query ($s: String) { governanceAuditTrail(subject: $s, entity: "Grid", first: 100) { nodes { operation } } }`,
      { s: clerk.sub },
      { claims: auditor },
    );
    return result.data!.governanceAuditTrail.nodes.map((n: any) => n.operation).sort();
  };

  it('refuses a broken cell naming it and changing nothing, then writes exactly the 4 edited rows', async () => {
    const { book, sheet, cell } = await roster();
    expect(sheet.name).toBe('网格及网格员名册');
    const before = await grids();
    const rows = sheet.rowCount - 1;
    expect(rows).toBeGreaterThanOrEqual(4);
    const [a, b, c, broken] = [2, 3, 4, 5].map((n) => sheet.getRow(n));
    const parent = [...Array(rows).keys()]
      .map((i) => sheet.getRow(i + 2))
      .find(
        (row) => cell(row, '网格层级').text === '二级网格' && cell(row, '所在区划代码').text === village.code,
      )!;

    cell(a, '网格名称').value = `${cell(a, '网格名称').text}（调整）`;
    cell(b, '覆盖户数').value = Number(cell(b, '覆盖户数').text) + 12;
    cell(c, '对应警格').value = 'JW-2024-017';
    const added = sheet.addRow([]);
    cell(added, '网格名称').value = '新建第九网格';
    cell(added, '网格层级').value = '三级网格';
    cell(added, '所在区划代码').value = village.code;
    cell(added, '上级网格编码').value = cell(parent, '网格编码').text;
    cell(added, '网格员人员编号').value = gridWorker.id;
    cell(added, '覆盖户数').value = 180;
    const householdsWas = cell(broken, '覆盖户数').value;
    cell(broken, '覆盖户数').value = '约两百户';

    const refused = await post(book);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions).toMatchObject({
      rejectedCount: 1,
      rejected: [{ sheet: '网格及网格员名册', row: broken.number, column: '覆盖户数', rule: 'integer' }],
    });
    expect(await grids()).toEqual(before);
    expect(await gridTrail()).toEqual([]);

    cell(broken, '覆盖户数').value = householdsWas;
    const accepted = await post(book);
    expect(accepted).toMatchObject({
      status: 200,
      body: { imported: 4, created: 1, updated: 3, unchanged: rows - 3 },
    });
    const after = await grids();
    expect(after.size).toBe(before.size + 1);
    const changed = [...before].filter(([id, row]) => after.get(id) !== row).map(([id]) => id);
    const [ids] = [await sql(`select id, code from grid`)];
    const codeOf = new Map(ids.map((g) => [g.id, g.code]));
    expect(changed.map((id) => codeOf.get(id)).sort()).toEqual(
      [a, b, c].map((row) => cell(row, '网格编码').text).sort(),
    );
    expect(await gridTrail()).toEqual(['create', 'update', 'update', 'update']);
  });

  it('is refused to a caller who keeps no grids, and per row to another township', async () => {
    const { book, sheet, cell } = await roster();
    const before = await grids();
    cell(sheet.getRow(2), '覆盖户数').value = 999;
    expect((await post(book, { sub: 'a-leader', roles: ['leader'] })).status).toBe(403);
    const foreign = await post(book, otherClerk);
    expect(foreign.body.errors[0].extensions.rejected).toEqual([
      expect.objectContaining({ row: 2, column: '网格编码', rule: 'role' }),
    ]);
    expect(await grids()).toEqual(before);
  });
});

describe('clearing a field with null (updateGrid through the gateway)', () => {
  const UPDATE = `mutation ($id: ID!, $input: UpdateGridInput!) { updateGrid(id: $id, input: $input) { name policeGridCode } }`;

  it('null clears a police grid entered by mistake (audited); null for the name is refused', async () => {
    const [{ id }] = await sql(`select id from grid where region_code like ? order by code limit 1`, [
      `${township.code}%`,
    ]);
    const set = await gateway.query<any>(
      UPDATE,
      { id, input: { policeGridCode: 'JG-误录' } },
      { claims: clerk },
    );
    expect(set.errors).toBeUndefined();
    const row = async () =>
      (await sql(`select name, police_grid_code, households from grid where id = ?`, [id]))[0];
    const before = await row();

    const refused = await gateway.query<any>(UPDATE, { id, input: { name: null } }, { claims: clerk });
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.name',
      rule: 'required',
    });
    expect(refused.errors?.[0]?.message).toMatch(/cannot be cleared/);
    expect(await row()).toEqual(before);

    const cleared = await gateway.query<any>(
      UPDATE,
      { id, input: { policeGridCode: null } },
      { claims: clerk },
    );
    expect(cleared.errors).toBeUndefined();
    expect(cleared.data.updateGrid.policeGridCode).toBeNull();
    expect(await row()).toEqual({ ...before, police_grid_code: null });
    const [change] = await sql(
      `select before, after from audit_record where entity = 'Grid' and entity_id = ? and operation = 'update' order by seq desc limit 1`,
      [id],
    );
    expect(change.before).toMatchObject({ policeGridCode: 'JG-误录' });
    expect(change.after).toMatchObject({ policeGridCode: null });
  });
});
