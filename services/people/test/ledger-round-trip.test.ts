import ExcelJS from 'exceljs';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import type { Claims } from '@county/kit';
import { peopleSubgraph } from '@county/people';
import { startTestGateway, startTestSubgraph, type TestGateway, type TestSubgraph } from '@county/test-kit';

/*
 * The people ledgers through the gateway: exported, edited as in Excel (3 rows changed, 1 added, 1 broken),
 * refused naming the broken cell with nothing written, then accepted writing exactly the 4 edited rows.
 */
let people: TestSubgraph;
let gateway: TestGateway;
const hr: Claims = { sub: 'hr-ledger-clerk', roles: ['hr'] };
const auditor: Claims = { sub: 'auditor-people-ledgers', roles: ['auditor'] };
const REGION = `region=${DEMO_COUNTY_CODE}`;

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
const url = (file: string, query: string) =>
  `${gateway.url.replace(/\/graphql$/, '')}/files/people/${file}?${query}`;
const bearer = async (claims: Claims) => ({ authorization: `Bearer ${await gateway.token(claims)}` });

async function exported(file: string, claims: Claims = hr, query = REGION) {
  const response = await fetch(url(file, query), { headers: await bearer(claims) });
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

async function upload(file: string, book: ExcelJS.Workbook, claims: Claims = hr, query = REGION) {
  const response = await fetch(url(file, query), {
    method: 'POST',
    headers: await bearer(claims),
    body: new Uint8Array(await book.xlsx.writeBuffer()),
  });
  return { status: response.status, body: (await response.json()) as any };
}

async function trailOf(entity: string): Promise<string[]> {
  const result = await gateway.query<any>(
    `query ($s: String, $e: String) { peopleAuditTrail(subject: $s, entity: $e, first: 100) { nodes { operation } } }`,
    { s: hr.sub, e: entity },
    { claims: auditor },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.peopleAuditTrail.nodes.map((n: any) => n.operation).sort();
}

/** Every row as stored, by id: what an import may and may not have changed. */
const snapshot = async (table: string) =>
  new Map((await sql(`select * from ${table}`)).map((r) => [r.id as string, JSON.stringify(r)]));
const changedIds = (before: Map<string, string>, after: Map<string, string>) =>
  [...after].filter(([id, row]) => before.get(id) !== row).map(([id]) => id);

describe('the unit roster (单位名册)', () => {
  const FILE = 'organizations.xlsx';

  it('refuses a broken cell naming it and changing nothing, then writes exactly the 4 edited rows', async () => {
    const { book, sheet, cell } = await exported(FILE);
    expect(sheet.name).toBe('单位名册');
    const [a, b, c, broken] = [2, 3, 4, 5].map((n) => sheet.getRow(n));
    const before = await snapshot('organization');

    cell(a, '单位名称').value = `${cell(a, '单位名称').text}（更名）`;
    cell(b, '单位名称').value = '县数据资源管理局';
    cell(c, '单位名称').value = `${cell(c, '单位名称').text}二`;
    const added = sheet.addRow([]);
    cell(added, '单位名称').value = '新设社区居民委员会';
    cell(added, '单位类型').value = '居民委员会';
    cell(added, '所在区划代码').value = DEMO_COUNTY_CODE;
    const typeWas = cell(broken, '单位类型').value;
    cell(broken, '单位类型').value = '合作社';

    const refused = await upload(FILE, book);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'file',
      rule: 'rows',
      rejected: [{ sheet: '单位名册', row: broken.number, column: '单位类型', rule: 'enum' }],
    });
    expect(await snapshot('organization')).toEqual(before);
    expect(await trailOf('Organization')).toEqual([]);

    cell(broken, '单位类型').value = typeWas;
    const accepted = await upload(FILE, book);
    expect(accepted).toMatchObject({
      status: 200,
      body: { imported: 4, created: 1, updated: 3, unchanged: before.size - 3 },
    });
    const after = await snapshot('organization');
    expect(after.size).toBe(before.size + 1);
    const changed = changedIds(before, after);
    expect(changed.filter((id) => before.has(id)).sort()).toEqual(
      [a, b, c].map((row) => cell(row, '单位编号').text).sort(),
    );
    expect(await trailOf('Organization')).toEqual(['create', 'update', 'update', 'update']);
    const [renamed] = await sql(`select name from organization where id = ?`, [cell(b, '单位编号').text]);
    expect(renamed.name).toBe('县数据资源管理局');
  });

  it('refuses a write the mutation refuses, in its column, and a caller who may not create units', async () => {
    const { book, sheet, cell } = await exported(FILE);
    const before = await snapshot('organization');
    cell(sheet.getRow(2), '所在区划代码').value = '12';
    const refused = await upload(FILE, book);
    expect(refused.body.errors[0].extensions.rejected).toEqual([
      expect.objectContaining({ row: 2, column: '所在区划代码', rule: 'format' }),
    ]);
    const department = {
      sub: 'a-department',
      roles: [`department:${cell(sheet.getRow(2), '单位编号').text}`],
    };
    expect((await upload(FILE, book, department)).status).toBe(403);
    expect((await upload(FILE, book, { sub: 'a-leader', roles: ['leader'] })).status).toBe(403);
    const noRegion = await upload(FILE, book, hr, '');
    expect(noRegion.body.errors[0].extensions).toMatchObject({ field: 'region', rule: 'required' });
    expect(await snapshot('organization')).toEqual(before);
  });
});

/** A GB 11643 ID number for a man born on 1990-01-01 in the demo county, with its check digit. */
function idNumberOf(sequence: string): string {
  const body = `${DEMO_COUNTY_CODE}19900101${sequence}`;
  const weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
  const sum = [...body].reduce((total, digit, i) => total + Number(digit) * weights[i], 0);
  return body + '10X98765432'[sum % 11];
}

describe('the people roster (人员名册)', () => {
  const leader: Claims = { sub: 'a-leader', roles: ['leader'] };

  it('exports ID numbers and phones masked, and an hr import keeps every masked cell left as it was', async () => {
    const [unit] = await sql(
      `select p.organization_id id, count(*) n from person p join organization o on o.id = p.organization_id
        where o.region_code like ? group by 1 order by 2 desc, 1 limit 1`,
      [`${DEMO_COUNTY_CODE}%`],
    );
    expect(Number(unit.n)).toBeGreaterThanOrEqual(5);
    const { book, sheet, cell } = await exported(
      `people.xlsx`,
      leader,
      `${REGION}&organizationId=${unit.id}`,
    );
    expect(sheet.name).toBe('人员名册');
    expect(sheet.rowCount - 1).toBe(Number(unit.n));
    const [a, b, c, broken] = [2, 3, 4, 5].map((n) => sheet.getRow(n));
    expect(cell(a, '身份证号').text).toMatch(/^\d{6}\*{8}\d{3}[\dX]$/);
    expect(cell(a, '手机号码').text).toMatch(/^\d{3}\*{4}\d{4}$/);
    expect(cell(a, '出生日期').text).toBe('');
    const before = await snapshot('person');

    cell(a, '职务').value = '副主任';
    cell(b, '手机号码').value = '13912345678';
    cell(c, '姓名').value = '林晓东';
    const added = sheet.addRow([]);
    cell(added, '姓名').value = '周建国';
    cell(added, '性别').value = '男';
    cell(added, '出生日期').value = '1990-01-01';
    cell(added, '身份证号').value = idNumberOf('123');
    cell(added, '手机号码').value = '13700001111';
    cell(added, '角色').value = '干部';
    cell(added, '所在单位').value = unit.id;
    cell(added, '职务').value = '科员';
    const idWas = cell(broken, '身份证号').value;
    cell(broken, '身份证号').value = idNumberOf('123').slice(0, 17) + '0';

    const refused = await upload('people.xlsx', book);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      rejectedCount: 1,
      rejected: [{ sheet: '人员名册', row: broken.number, column: '身份证号', rule: 'check-digit' }],
    });
    expect(await snapshot('person')).toEqual(before);
    expect(await trailOf('Person')).toEqual([]);

    cell(broken, '身份证号').value = idWas;
    const accepted = await upload('people.xlsx', book);
    expect(accepted).toMatchObject({
      status: 200,
      body: { imported: 4, created: 1, updated: 3, unchanged: Number(unit.n) - 3 },
    });
    const after = await snapshot('person');
    expect(after.size).toBe(before.size + 1);
    expect(
      changedIds(before, after)
        .filter((id) => before.has(id))
        .sort(),
    ).toEqual([a, b, c].map((row) => cell(row, '人员编号').text).sort());
    const aId = cell(a, '人员编号').text;
    const [was, now] = [before, after].map((rows) => JSON.parse(rows.get(aId)!));
    expect([now.id_number, now.phone, now.birth_date]).toEqual([was.id_number, was.phone, was.birth_date]);
    expect(await trailOf('Person')).toEqual(['create', 'update', 'update', 'update']);
  });

  it('is imported by hr only', async () => {
    const [unit] = await sql(`select organization_id id from person order by id limit 1`);
    const { book } = await exported('people.xlsx', hr, `${REGION}&organizationId=${unit.id}`);
    const before = await snapshot('person');
    for (const caller of [
      { sub: 'a-township', roles: [`township:${DEMO_COUNTY_CODE}001`] },
      { sub: 'a-department', roles: [`department:${unit.id}`] },
    ])
      expect((await upload('people.xlsx', book, caller)).status).toBe(403);
    expect(await snapshot('person')).toEqual(before);
  });
});

describe('the community workers (社区工作者, 三岗十八级)', () => {
  const FILE = 'community-workers.xlsx';
  const MIN: Record<string, number> = { 正职: 7, 副职: 4, 其他社区工作者: 1 };

  it('checks post and level against the province’s ranges, then writes exactly the 4 edited rows', async () => {
    const { book, sheet, cell } = await exported(FILE);
    expect(sheet.name).toBe('社区工作者名册');
    const [a, b, c, broken] = [2, 3, 4, 5].map((n) => sheet.getRow(n));
    const before = await snapshot('community_worker');
    expect(sheet.rowCount - 1).toBe(before.size);

    cell(a, '学历').value = cell(a, '学历').text === '本科' ? '大专' : '本科';
    cell(b, '全科社工').value = cell(b, '全科社工').text === '是' ? '否' : '是';
    const lowest = MIN[cell(c, '岗位类别').text];
    cell(c, '等级').value = Number(cell(c, '等级').text) === lowest ? lowest + 1 : lowest;
    const [vacancy] = await sql(
      `select q.organization_id id from community_quota q
        where q.quota > (select count(*) from community_worker w where w.organization_id = q.organization_id)
        order by q.organization_id limit 1`,
    );
    const [newcomer] = await sql(
      `select id from person where id not in (select person_id from community_worker) order by id limit 1`,
    );
    const added = sheet.addRow([]);
    cell(added, '人员编号').value = newcomer.id;
    cell(added, '所在社区').value = vacancy.id;
    cell(added, '岗位类别').value = '其他社区工作者';
    cell(added, '等级').value = 2;
    cell(added, '参加社区工作时间').value = '2021-03-01';
    cell(added, '学历').value = '大专';
    const postWas = cell(broken, '岗位类别').value;
    const levelWas = cell(broken, '等级').value;
    cell(broken, '岗位类别').value = '正职';
    cell(broken, '等级').value = 3;

    const refused = await upload(FILE, book);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      rejectedCount: 1,
      rejected: [
        {
          sheet: '社区工作者名册',
          row: broken.number,
          column: '等级',
          rule: 'post-range',
          reason: expect.stringMatching(/7–18/),
        },
      ],
    });
    expect(await snapshot('community_worker')).toEqual(before);
    expect(await trailOf('CommunityWorker')).toEqual([]);

    cell(broken, '岗位类别').value = postWas;
    cell(broken, '等级').value = levelWas;
    const accepted = await upload(FILE, book);
    expect(accepted).toMatchObject({
      status: 200,
      body: { imported: 4, created: 1, updated: 3, unchanged: before.size - 3 },
    });
    const after = await snapshot('community_worker');
    expect(after.size).toBe(before.size + 1);
    expect(
      changedIds(before, after)
        .filter((id) => before.has(id))
        .sort(),
    ).toEqual([a, b, c].map((row) => cell(row, '编号').text).sort());
    expect(await trailOf('CommunityWorker')).toEqual(['create', 'update', 'update', 'update']);
  });

  it('is imported by hr alone; a township downloads it with education withheld', async () => {
    const township = { sub: 'a-township', roles: [`township:${DEMO_COUNTY_CODE}001`] };
    const { book, sheet, cell } = await exported(FILE, township);
    expect(cell(sheet.getRow(2), '岗位类别').text).not.toBe('');
    expect(cell(sheet.getRow(2), '学历').text).toBe('');
    const before = await snapshot('community_worker');
    expect((await upload(FILE, book, township)).status).toBe(403);
    // hr uploading the township's copy: the withheld education is kept, not cleared or refused
    cell(sheet.getRow(2), '全科社工').value = cell(sheet.getRow(2), '全科社工').text === '是' ? '否' : '是';
    const accepted = await upload(FILE, book);
    expect(accepted).toMatchObject({ status: 200, body: { updated: 1, created: 0 } });
    const id = cell(sheet.getRow(2), '编号').text;
    const [was, now] = [before, await snapshot('community_worker')].map((rows) => JSON.parse(rows.get(id)!));
    expect(now.education).toBe(was.education);
    expect(now.all_round_certified).toBe(!was.all_round_certified);
  });
});
