import ExcelJS from 'exceljs';
import {
  DEMO_COUNTY_CODE,
  demoOrganizationId,
  generateDemoCity,
  organizationNaturalKey,
} from '@county/demo-data';
import { peopleSubgraph } from '@county/people';
import { pilotsSubgraph } from '@county/pilots';
import { startTestGateway, startTestSubgraph, type TestGateway, type TestSubgraph } from '@county/test-kit';

/** The pursuit ledger (争取台账) exported through the gateway, edited as in Excel, imported again. */
let people: TestSubgraph;
let pilots: TestSubgraph;
let gateway: TestGateway;
const city = generateDemoCity({ counties: 1 });
const department = (key: string) =>
  demoOrganizationId(organizationNaturalKey(DEMO_COUNTY_CODE, `dept:${key}`));
const leaderId = city.people.find((p) => p.roles.includes('COUNTY_LEADER' as never))!.id;
const office = { sub: 'office-entering-pilots', roles: ['reform-office'] };
const clerk = { sub: 'clerk-pilot-ledger', roles: ['reform-office'] };
const auditor = { sub: 'auditor-pilot-ledger', roles: ['auditor'] };

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  pilots = await startTestSubgraph(pilotsSubgraph, { directory: people });
  gateway = await startTestGateway([people, pilots]);
  for (let i = 1; i <= 6; i++) {
    const { errors } = await gateway.query(
      `mutation ($input: CreatePilotInput!) { createPilot(input: $input) { id } }`,
      {
        input: {
          name: `改革试点${i}号`,
          level: 'PROVINCIAL',
          field: 'RURAL',
          leadOrganizationId: department('agriculture'),
          participatingOrganizationIds: [department('finance')],
          leaderId,
          regionCodes: [DEMO_COUNTY_CODE],
          deadline: '2028-12-31',
          target: '形成可复制推广的经验做法',
          outcomeForm: 'REPLICABLE_PRACTICE',
        },
      },
      { claims: office },
    );
    expect(errors).toBeUndefined();
  }
});
afterAll(async () => {
  await gateway?.stop();
  await pilots?.close();
  await people?.close();
});

const url = (query: string) =>
  `${gateway.url.replace(/\/graphql$/, '')}/files/pilots/pursuit-ledger.xlsx?${query}`;
const bearer = async (claims: { sub: string; roles: string[] }) => ({
  authorization: `Bearer ${await gateway.token(claims)}`,
});

async function exported() {
  const response = await fetch(url(''), { headers: await bearer(clerk) });
  expect(response.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
  return book;
}

async function upload(book: ExcelJS.Workbook, query: string, claims = clerk) {
  const response = await fetch(url(query), {
    method: 'POST',
    headers: await bearer(claims),
    body: new Uint8Array(await book.xlsx.writeBuffer()),
  });
  return { status: response.status, body: (await response.json()) as any };
}

async function versions(): Promise<Map<string, number>> {
  const rows: { id: string; version: number }[] = await pilots.orm.em
    .fork()
    .getConnection()
    .execute(`select id, version from pilot`);
  return new Map(rows.map((r) => [r.id, r.version]));
}

async function trailOf(subject: string): Promise<string[]> {
  const result = await gateway.query<any>(
    `query ($s: String) { pilotsAuditTrail(subject: $s, first: 100) { nodes { operation entity } } }`,
    { s: subject },
    { claims: auditor },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.pilotsAuditTrail.nodes.map((n: any) => `${n.entity} ${n.operation}`).sort();
}

const REGION = `region=${DEMO_COUNTY_CODE}`;

describe('the pursuit ledger (争取台账) round trip through the gateway', () => {
  it('refuses a broken cell naming it and changing nothing, then writes exactly the 4 edited rows', async () => {
    const book = await exported();
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('改革试点争取台账');
    const headers = (sheet.getRow(1).values as string[]).map(String);
    const col = (header: string) => headers.indexOf(header);
    const [a, b, c, broken] = [2, 3, 4, 5].map((n) => sheet.getRow(n));
    const before = await versions();
    expect(before.size).toBe(6);

    a.getCell(col('试点名称')).value = '农村集体经营性建设用地入市试点';
    b.getCell(col('任务目标')).value = '年内形成制度文件并报省级备案';
    c.getCell(col('成果形式')).value = '制度文件';
    const added = sheet.addRow(a.values as ExcelJS.CellValue[]);
    added.getCell(col('试点编号')).value = '';
    added.getCell(col('版本')).value = '';
    added.getCell(col('试点名称')).value = '新增争取试点';
    const deadlineWas = broken.getCell(col('完成时限')).value;
    broken.getCell(col('完成时限')).value = '2028-02-30';

    const refused = await upload(book, REGION);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'file',
      rule: 'rows',
      rejectedCount: 1,
      rejected: [
        {
          sheet: '改革试点争取台账',
          row: broken.number,
          column: '完成时限',
          rule: 'date',
          reason: expect.stringMatching(/2028-02-30 is not a date/),
        },
      ],
    });
    expect(await versions()).toEqual(before);
    expect(await trailOf(clerk.sub)).toEqual([]);

    broken.getCell(col('完成时限')).value = deadlineWas;
    const accepted = await upload(book, REGION);
    expect(accepted).toMatchObject({
      status: 200,
      body: { imported: 4, created: 1, updated: 3, unchanged: 3, rejected: [] },
    });
    const after = await versions();
    expect(after.size).toBe(7);
    const changed = [...before].filter(([id, version]) => after.get(id) !== version).map(([id]) => id);
    expect(changed.sort()).toEqual([a, b, c].map((row) => String(row.getCell(col('试点编号')).value)).sort());
    expect(await trailOf(clerk.sub)).toEqual([
      'Pilot create',
      'Pilot update',
      'Pilot update',
      'Pilot update',
    ]);
    const renamed = await gateway.query<any>(
      `query ($id: ID!) { pilot(id: $id) { name outcomeForm } }`,
      {
        id: String(a.getCell(col('试点编号')).value),
      },
      { claims: clerk },
    );
    expect(renamed.data?.pilot).toMatchObject({ name: '农村集体经营性建设用地入市试点' });
  });

  it('is refused to a role that may not change pilots, and without the region', async () => {
    const book = await exported();
    const before = await versions();
    const department = { sub: 'a-department', roles: [`department:${leaderId}`] };
    expect((await upload(book, REGION, { sub: 'a-leader', roles: ['leader'] })).status).toBe(403);
    expect((await upload(book, REGION, department)).status).toBe(403);
    const noRegion = await upload(book, '');
    expect(noRegion.body.errors[0].extensions).toMatchObject({ field: 'region', rule: 'required' });
    expect(await versions()).toEqual(before);
  });
});

describe('the monthly entries (台账月报): new rows reported by the pilot’s lead organisation only', () => {
  const lead = { sub: 'agriculture-clerk', roles: [`department:${department('agriculture')}`] };
  const other = { sub: 'finance-clerk', roles: [`department:${department('finance')}`] };
  const monthly = (query = '') =>
    `${gateway.url.replace(/\/graphql$/, '')}/files/pilots/monthly-entries.xlsx?${query}`;

  async function post(book: ExcelJS.Workbook, claims: { sub: string; roles: string[] }) {
    const response = await fetch(monthly(), {
      method: 'POST',
      headers: await bearer(claims),
      body: new Uint8Array(await book.xlsx.writeBuffer()),
    });
    return { status: response.status, body: (await response.json()) as any };
  }
  const entries = async () =>
    Number(
      (await pilots.orm.em.fork().getConnection().execute(`select count(*) n from pilot_ledger_entry`))[0].n,
    );

  it('adds the new months, refuses another department’s rows and any change to a reported entry', async () => {
    const [pilot] = await pilots.orm.em
      .fork()
      .getConnection()
      .execute(`select id, version from pilot where name = '改革试点6号'`);
    const approved = await gateway.query<any>(
      `mutation ($id: ID!, $input: ApprovePilotInput!) { approvePilot(id: $id, input: $input) { stage } }`,
      {
        id: pilot.id,
        input: { version: pilot.version, approvingBody: '省委改革办', approvedOn: '2024-01-15' },
      },
      { claims: office },
    );
    expect(approved.errors).toBeUndefined();
    const reported = await gateway.query<any>(
      `mutation ($id: ID!, $input: LedgerEntryInput!) { recordLedgerEntry(pilotId: $id, input: $input) { id } }`,
      { id: pilot.id, input: { month: '2024-01', progress: '完成方案制定' } },
      { claims: lead },
    );
    expect(reported.errors).toBeUndefined();

    const response = await fetch(monthly('year=2024'), { headers: await bearer(lead) });
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.rowCount).toBe(2);
    const headers = (sheet.getRow(1).values as string[]).map(String);
    const col = (header: string) => headers.indexOf(header);
    for (const month of ['2024-02', '2024-03']) {
      const row = sheet.addRow([]);
      row.getCell(col('试点编号')).value = pilot.id;
      row.getCell(col('月份')).value = month;
      row.getCell(col('进展情况')).value = `${month} 推进试点乡镇扩面`;
    }

    const refused = await post(book, other);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions.rejected).toEqual(
      [3, 4].map((row) => ({
        sheet: '改革试点台账月报',
        row,
        column: '月报编号',
        rule: 'role',
        reason: expect.any(String),
      })),
    );
    expect(await entries()).toBe(1);

    const accepted = await post(book, lead);
    expect(accepted).toMatchObject({ status: 200, body: { created: 2, updated: 0, unchanged: 1 } });
    expect(await entries()).toBe(3);

    const again = await fetch(monthly('year=2024'), { headers: await bearer(lead) });
    const edited = new ExcelJS.Workbook();
    await edited.xlsx.load((await again.arrayBuffer()) as ArrayBuffer);
    edited.worksheets[0].getRow(2).getCell(col('进展情况')).value = '改写已报送的月报';
    const changed = await post(edited, lead);
    expect(changed.status).toBe(400);
    expect(changed.body.errors[0].extensions.rejected).toEqual([
      expect.objectContaining({ row: 2, column: '进展情况', rule: 'fixed' }),
    ]);
    expect(await entries()).toBe(3);
  });
});

describe('the work ledger (工作台账)', () => {
  const workUrl = () => `${gateway.url.replace(/\/graphql$/, '')}/files/pilots/work-ledger.xlsx?`;

  it('updates an approved pilot’s particulars and refuses a new row: a pilot enters it by approval', async () => {
    const response = await fetch(workUrl(), { headers: await bearer(clerk) });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
    const sheet = book.worksheets[0];
    expect(sheet.name).toBe('改革试点工作台账');
    expect(sheet.rowCount).toBe(2);
    const headers = (sheet.getRow(1).values as string[]).map(String);
    const col = (header: string) => headers.indexOf(header);
    sheet.getRow(2).getCell(col('批复文号')).value = '鲁改办发〔2024〕3号';
    const added = sheet.addRow(sheet.getRow(2).values as ExcelJS.CellValue[]);
    added.getCell(col('试点编号')).value = '';
    const post = async () => {
      const r = await fetch(`${workUrl()}${REGION}`, {
        method: 'POST',
        headers: await bearer(clerk),
        body: new Uint8Array(await book.xlsx.writeBuffer()),
      });
      return { status: r.status, body: (await r.json()) as any };
    };
    const before = await versions();
    const refused = await post();
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions.rejected).toEqual([
      expect.objectContaining({ row: 3, column: '试点编号', rule: 'approved-only' }),
    ]);
    expect(await versions()).toEqual(before);

    sheet.spliceRows(3, 1);
    const accepted = await post();
    expect(accepted).toMatchObject({ status: 200, body: { created: 0, updated: 1, unchanged: 0 } });
    const [pilot] = await pilots.orm.em
      .fork()
      .getConnection()
      .execute(`select approval_document_number from pilot where name = '改革试点6号'`);
    expect(pilot.approval_document_number).toBe('鲁改办发〔2024〕3号');
  });
});

describe('clearing a field with null (updatePilot through the gateway)', () => {
  const FIELDS = 'id name version approvalDocumentNumber flaggedForCleanUp';
  const write = (mutation: string, input: Record<string, unknown>, id?: string) =>
    gateway.query<any>(
      id
        ? `mutation ($id: ID!, $input: ${mutation[0].toUpperCase()}${mutation.slice(1)}Input!) { ${mutation}(id: $id, input: $input) { ${FIELDS} } }`
        : `mutation ($input: CreatePilotInput!) { createPilot(input: $input) { ${FIELDS} } }`,
      { id, input },
      { claims: office },
    );
  const row = async (id: string) =>
    (
      await pilots.orm.em
        .fork()
        .getConnection()
        .execute(`select name, version, approval_document_number from pilot where id = ?`, [id])
    )[0];

  it('null clears an approval document number entered by mistake (audited); null for the name is refused', async () => {
    const created = await write('createPilot', {
      name: '文号待核试点',
      level: 'PROVINCIAL',
      field: 'RURAL',
      leadOrganizationId: department('agriculture'),
      participatingOrganizationIds: [],
      leaderId,
      regionCodes: [DEMO_COUNTY_CODE],
      deadline: '2028-12-31',
      target: '形成可复制推广的经验做法',
      outcomeForm: 'REPLICABLE_PRACTICE',
    });
    expect(created.errors).toBeUndefined();
    const { id } = created.data.createPilot;
    const approved = await write(
      'approvePilot',
      {
        version: 1,
        approvingBody: '省委改革办',
        approvalDocumentNumber: '误录〔2024〕1号',
        approvedOn: '2024-03-01',
      },
      id,
    );
    expect(approved.errors).toBeUndefined();

    const before = await row(id);
    const refused = await write('updatePilot', { version: 2, name: null }, id);
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.name',
      rule: 'required',
    });
    expect(refused.errors?.[0]?.message).toMatch(/cannot be cleared/);
    expect(await row(id)).toEqual(before);

    const cleared = await write('updatePilot', { version: 2, approvalDocumentNumber: null }, id);
    expect(cleared.errors).toBeUndefined();
    expect(cleared.data.updatePilot).toMatchObject({
      approvalDocumentNumber: null,
      flaggedForCleanUp: true,
      version: 3,
    });
    const [change] = await pilots.orm.em
      .fork()
      .getConnection()
      .execute(
        `select before, after from audit_record where entity = 'Pilot' and entity_id = ? and operation = 'update' order by seq desc limit 1`,
        [id],
      );
    expect(change.before).toMatchObject({ approvalDocumentNumber: '误录〔2024〕1号' });
    expect(change.after).toMatchObject({ approvalDocumentNumber: null });
  });
});
