import ExcelJS from 'exceljs';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { startTestGateway, type TestGateway, type TestSubgraph } from '@county/test-kit';
import { startReform, tableCounts } from './fixtures';

let people: TestSubgraph;
let reform: TestSubgraph;
let gateway: TestGateway;
const office = { sub: 'clerk-problem-list', roles: ['reform-office'] };
const auditor = { sub: 'auditor-reports', roles: ['auditor'] };

beforeAll(async () => {
  ({ people, reform } = await startReform());
  gateway = await startTestGateway([people, reform]);
});
afterAll(async () => {
  await gateway?.stop();
  await reform?.close();
  await people?.close();
});

type Claims = { sub: string; roles: string[] };

const fileUrl = (file: string, query: string) =>
  `${gateway.url.replace(/\/graphql$/, '')}/files/reform/${file}?${query}`;
const bearer = async (claims: Claims) => ({ authorization: `Bearer ${await gateway.token(claims)}` });

async function exported(file: string, query: string, claims: Claims) {
  const response = await fetch(fileUrl(file, query), { headers: await bearer(claims) });
  expect(response.status).toBe(200);
  const book = new ExcelJS.Workbook();
  await book.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
  const sheet = book.worksheets[0];
  const headers = (sheet.getRow(1).values as string[]).map(String);
  const rows: ExcelJS.Row[] = [];
  sheet.eachRow((row, n) => n > 1 && rows.push(row));
  return { book, sheet, rows, col: (header: string) => headers.indexOf(header) };
}

async function upload(file: string, query: string, book: ExcelJS.Workbook, claims: Claims) {
  const response = await fetch(fileUrl(file, query), {
    method: 'POST',
    headers: await bearer(claims),
    body: new Uint8Array(await book.xlsx.writeBuffer()),
  });
  return { status: response.status, body: (await response.json()) as any };
}

const sql = <T = any>(text: string, params: unknown[] = []): Promise<T[]> =>
  reform.orm.em.fork().getConnection().execute(text, params);

async function trailOf(subject: string): Promise<string[]> {
  const result = await gateway.query<any>(
    `query ($s: String) { reformAuditTrail(subject: $s, first: 100) { nodes { operation entity } } }`,
    { s: subject },
    { claims: auditor },
  );
  expect(result.errors).toBeUndefined();
  return result.data!.reformAuditTrail.nodes.map((t: any) => `${t.entity} ${t.operation}`).sort();
}

/** Every stored report, as text: a refused or partial import must leave each one as it was. */
const reportRows = async () =>
  new Map(
    (await sql<{ id: string; row: string }>(`select id, r::text as row from progress_report r`)).map((r) => [
      r.id,
      r.row,
    ]),
  );

interface Slot {
  code: string;
  period: string;
  percent: number;
}

/**
 * Reports a lead organisation can still submit on its 2020 tasks in progress (leaf tasks whose monthly
 * reports stop before December): the months after the last one, at the percent it last reported (no
 * regression, no status change), a task's months in order. The organisation with the most, and one report
 * another organisation could submit.
 */
async function reportable(): Promise<{ lead: string; slots: Slot[]; other: Slot }> {
  const rows = await sql<{ code: string; lead: string; month: number; percent: number }>(
    `select t.code, t.lead_organization_id as lead,
        (select max(substr(r.period, 6, 2)::int) from progress_report r
          where r.task_id = t.id and r.period_kind = 'MONTHLY') as month,
        (select max(r.percent) from progress_report r where r.task_id = t.id) as percent
      from reform_task t
      where t.year = 2020 and t.status = 'IN_PROGRESS'
        and not exists (select 1 from reform_task c where c.parent_id = t.id)
      order by t.code`,
  );
  const byLead = new Map<string, Slot[][]>();
  for (const r of rows.filter((r) => r.month !== null && r.month < 12 && r.percent < 100)) {
    const months = Array.from({ length: 12 - r.month }, (_, i) => r.month + 1 + i);
    const slots = months.map((m) => ({
      code: r.code,
      period: `2020-${String(m).padStart(2, '0')}`,
      percent: r.percent,
    }));
    byLead.set(r.lead, [...(byLead.get(r.lead) ?? []), slots]);
  }
  // round robin over the tasks, each task's months in order
  const interleave = (tasks: Slot[][]) =>
    Array.from({ length: Math.max(...tasks.map((t) => t.length)) }, (_, i) =>
      tasks.flatMap((t) => t[i] ?? []),
    ).flat();
  const [lead, tasks] = [...byLead].sort((a, b) => b[1].flat().length - a[1].flat().length)[0];
  const other = [...byLead].find(([l]) => l !== lead)![1][0][0];
  return { lead, slots: interleave(tasks), other };
}

const REPORTS = `year=2020&region=${DEMO_COUNTY_CODE}`;

describe('the progress report ledger (进展报送台账), exported, extended and imported again through the gateway', () => {
  it('refuses a broken new row naming its cell and changing nothing, then submits exactly the 4 new reports, audited', async () => {
    const { lead, slots } = await reportable();
    const four = slots.slice(0, 4);
    expect(four).toHaveLength(4);
    const clerk = { sub: 'liaison-round-trip', roles: [`department:${lead}`] };
    const { sheet, book, rows, col } = await exported('reports.xlsx', REPORTS, clerk);
    expect(sheet.name).toBe('2020年改革任务进展报送台账');
    for (const header of [
      '报告编号',
      '任务编号',
      '报送期',
      '报送类型',
      '完成进度(%)',
      '本期完成情况',
      '是否迟报',
    ])
      expect(col(header)).toBeGreaterThan(0);
    expect(rows.map((r) => r.getCell(col('报送类型')).value)).toEqual(
      expect.arrayContaining(['月报', '季报']),
    );

    // a submitted report cannot change (no mutation updates one): this ledger grows by new rows only
    const added = four.map((slot) => {
      const row = sheet.addRow([]);
      row.getCell(col('任务编号')).value = slot.code;
      row.getCell(col('报送期')).value = slot.period;
      row.getCell(col('完成进度(%)')).value = slot.percent;
      row.getCell(col('本期完成情况')).value = `${slot.period}按计划推进`;
      row.getCell(col('下步打算')).value = '加快推进';
      return row;
    });
    // a milestone done in the period is named by its title on the task's schedule
    const [milestone] = await sql(
      `select m.id, m.title from milestone m join reform_task t on t.id = m.task_id
        where t.code = ? and m.completed_on is null and m.removed_on is null order by m.planned_date limit 1`,
      [four[0].code],
    );
    added[0].getCell(col('本期完成节点')).value = milestone.title;
    const broken = added[3];
    broken.getCell(col('完成进度(%)')).value = 120;
    const before = await reportRows();
    const counts = await tableCounts(reform);

    const refused = await upload('reports.xlsx', REPORTS, book, clerk);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'file',
      rule: 'rows',
      rejected: [
        { sheet: '2020年改革任务进展报送台账', row: broken.number, column: '完成进度(%)', rule: 'max' },
      ],
    });
    expect(await reportRows()).toEqual(before);
    expect(await tableCounts(reform)).toEqual(counts);
    expect(await trailOf(clerk.sub)).toEqual([]);

    broken.getCell(col('完成进度(%)')).value = four[3].percent;
    const accepted = await upload('reports.xlsx', REPORTS, book, clerk);
    expect(accepted).toMatchObject({
      status: 200,
      body: { imported: 4, created: 4, updated: 0, unchanged: rows.length, rejected: [] },
    });
    const after = await reportRows();
    expect(after.size).toBe(before.size + 4);
    for (const [id, row] of before) expect(after.get(id)).toBe(row);
    const submitted = await sql(
      `select t.code, r.period, r.percent, r.reporter from progress_report r join reform_task t on t.id = r.task_id
        where r.reporter = ? order by t.code, r.period`,
      [clerk.sub],
    );
    const byCode = (x: Slot, y: Slot) => x.code.localeCompare(y.code) || x.period.localeCompare(y.period);
    expect(submitted).toEqual([...four].sort(byCode).map((slot) => ({ ...slot, reporter: clerk.sub })));
    const [done] = await sql(`select completed_on from milestone where id = ?`, [milestone.id]);
    expect(done.completed_on).not.toBeNull();
    expect(await trailOf(clerk.sub)).toEqual(
      [...Array(4).fill('ProgressReport create'), 'Milestone update'].sort(),
    );
  });

  it('refuses an edited submitted report (fixed) and a report on a task the caller does not lead, naming each cell', async () => {
    const { lead, slots, other } = await reportable();
    const clerk = { sub: 'liaison-edits', roles: [`department:${lead}`] };
    const { book, sheet, rows, col } = await exported('reports.xlsx', REPORTS, clerk);
    const kept = rows[0];
    kept.getCell(col('完成进度(%)')).value = Number(kept.getCell(col('完成进度(%)')).value) === 50 ? 60 : 50;
    const foreign = sheet.addRow([]);
    foreign.getCell(col('任务编号')).value = other.code;
    foreign.getCell(col('报送期')).value = other.period;
    foreign.getCell(col('完成进度(%)')).value = other.percent;
    foreign.getCell(col('本期完成情况')).value = '代为报送';
    const fine = sheet.addRow([]);
    fine.getCell(col('任务编号')).value = slots[0].code;
    fine.getCell(col('报送期')).value = slots[0].period;
    fine.getCell(col('完成进度(%)')).value = slots[0].percent;
    fine.getCell(col('本期完成情况')).value = '全面完成';
    const before = await reportRows();
    const counts = await tableCounts(reform);

    const refused = await upload('reports.xlsx', REPORTS, book, clerk);
    expect(refused.status).toBe(400);
    const rejected = refused.body.errors[0].extensions.rejected;
    expect(rejected).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: kept.number, column: '完成进度(%)', rule: 'fixed' }),
        expect.objectContaining({ row: foreign.number, column: '报告编号', rule: 'role' }),
      ]),
    );
    expect(rejected).toHaveLength(2);
    // the one good row was not written either: all rows or none
    expect(await reportRows()).toEqual(before);
    expect(await tableCounts(reform)).toEqual(counts);
    expect(await trailOf(clerk.sub)).toEqual([]);
  });

  it('is refused to a caller who leads no task, and without the region the ledger belongs to', async () => {
    const { lead } = await reportable();
    const clerk = { sub: 'liaison-refused', roles: [`department:${lead}`] };
    const { book } = await exported('reports.xlsx', REPORTS, clerk);
    const counts = await tableCounts(reform);
    expect((await upload('reports.xlsx', REPORTS, book, office)).status).toBe(403);
    const noRegion = await upload('reports.xlsx', 'year=2020', book, clerk);
    expect(noRegion.status).toBe(400);
    expect(noRegion.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'region',
      rule: 'required',
    });
    expect(await tableCounts(reform)).toEqual(counts);
  });
});

const PROBLEMS = `region=${DEMO_COUNTY_CODE}`;

const ACCOUNT: Record<string, string> = { LEADER: '领导账', DEPARTMENT: '部门账', TOWNSHIP: '乡镇账' };

/** The stored problem a 问题编号 (e.g. 部门账-12) names. */
async function problemOf(key: string) {
  const [label, number] = key.split('-');
  const account = Object.keys(ACCOUNT).find((a) => ACCOUNT[a] === label);
  const [problem] = await sql(`select * from problem where account = ? and number = ?`, [
    account,
    Number(number),
  ]);
  return problem;
}

/** Each problem's version by 问题编号: a row left alone keeps its version. */
async function problemVersions(): Promise<Map<string, number>> {
  const label = ACCOUNT;
  const rows = await sql<{ account: string; number: number; version: number }>(
    `select account, number, version from problem`,
  );
  return new Map(rows.map((r) => [`${label[r.account]}-${r.number}`, r.version]));
}

describe('the problem list (问题清单/三本账), exported, edited and imported again through the gateway', () => {
  it('refuses an edit with a broken cell naming it and changing nothing, then writes exactly the 4 edited rows, audited', async () => {
    const { book, sheet, rows, col } = await exported('problems.xlsx', PROBLEMS, office);
    expect(sheet.name).toBe('问题清单（三本账）');
    expect(new Set(rows.map((r) => r.getCell(col('账目')).value))).toEqual(
      new Set(['领导账', '部门账', '乡镇账']),
    );
    const open = rows.filter((r) => r.getCell(col('状态')).value !== '已销号');
    const [a, b, c, broken] = open;
    const department = rows.find((r) => r.getCell(col('账目')).value === '部门账')!;
    const [task] = await sql(`select code from reform_task where year = 2020 order by code limit 1`);
    const before = await problemVersions();

    a.getCell(col('问题描述')).value = `${String(a.getCell(col('问题描述')).value)}（已督促）`;
    b.getCell(col('整改时限')).value = '2021-06-30';
    c.getCell(col('状态')).value = '已销号';
    const added = sheet.addRow([]);
    added.getCell(col('账目')).value = '部门账';
    added.getCell(col('问题描述')).value = '审批事项下放后承接人员培训不足';
    added.getCell(col('发现单位')).value = department.getCell(col('发现单位')).value;
    added.getCell(col('发现日期')).value = '2020-06-01';
    added.getCell(col('整改时限')).value = '2020-09-30';
    added.getCell(col('关联任务')).value = task.code;
    added.getCell(col('状态')).value = '整改中';
    const deadlineWas = broken.getCell(col('整改时限')).value;
    broken.getCell(col('整改时限')).value = '2000-01-01';

    const refused = await upload('problems.xlsx', PROBLEMS, book, office);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'file',
      rule: 'rows',
      rejected: [{ sheet: '问题清单（三本账）', row: broken.number, column: '整改时限', rule: 'order' }],
    });
    // a, b, c and the new row were written in the import's transaction and rolled back with it
    expect(await problemVersions()).toEqual(before);
    expect(await trailOf(office.sub)).toEqual([]);

    broken.getCell(col('整改时限')).value = deadlineWas;
    const accepted = await upload('problems.xlsx', PROBLEMS, book, office);
    expect(accepted).toMatchObject({
      status: 200,
      body: { imported: 4, created: 1, updated: 3, unchanged: rows.length - 3, rejected: [] },
    });
    const after = await problemVersions();
    const key = (row: ExcelJS.Row) => String(row.getCell(col('问题编号')).value);
    const moved = [...before].filter(([k, v]) => after.get(k) !== v).map(([k]) => k);
    expect(moved.sort()).toEqual([a, b, c].map(key).sort());
    const [created] = [...after.keys()].filter((k) => !before.has(k));
    expect(after.size).toBe(before.size + 1);
    expect(created).toMatch(/^部门账-\d+$/);
    expect(await problemOf(key(c))).toMatchObject({ status: 'RESOLVED', resolved_on: expect.anything() });
    expect(await problemOf(key(b))).toMatchObject({ deadline: '2021-06-30' });
    expect(await problemOf(created)).toMatchObject({
      description: '审批事项下放后承接人员培训不足',
      status: 'IN_PROGRESS',
      found_on: '2020-06-01',
    });
    expect(await trailOf(office.sub)).toEqual([
      'Problem create',
      'Problem update',
      'Problem update',
      'Problem update',
    ]);

    // the list as it now is, downloaded and sent back unedited, writes nothing
    const again = await exported('problems.xlsx', PROBLEMS, office);
    const same = await upload('problems.xlsx', PROBLEMS, again.book, office);
    expect(same.body).toMatchObject({ imported: 0, unchanged: rows.length + 1 });
    expect(await trailOf(office.sub)).toHaveLength(4);
  });

  it('refuses a change to a closed problem and to a column set when a problem is entered, naming each cell', async () => {
    const { book, rows, col } = await exported('problems.xlsx', PROBLEMS, office);
    const closed = rows.find((r) => r.getCell(col('状态')).value === '已销号')!;
    const open = rows.find(
      (r) => r.getCell(col('状态')).value !== '已销号' && r.getCell(col('账目')).value === '部门账',
    )!;
    closed.getCell(col('问题描述')).value = '销号后又改的描述';
    open.getCell(col('账目')).value = '乡镇账';
    const before = await problemVersions();
    const refused = await upload('problems.xlsx', PROBLEMS, book, office);
    expect(refused.status).toBe(400);
    const rejected = refused.body.errors[0].extensions.rejected;
    expect(rejected).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ row: closed.number, column: '状态', rule: 'closed' }),
        expect.objectContaining({ row: open.number, column: '账目', rule: 'fixed' }),
      ]),
    );
    expect(rejected).toHaveLength(2);
    expect(await problemVersions()).toEqual(before);
  });

  it('is refused to a role that may not keep the list, and without the region it belongs to', async () => {
    const { book } = await exported('problems.xlsx', PROBLEMS, office);
    const before = await problemVersions();
    expect(
      (await upload('problems.xlsx', PROBLEMS, book, { sub: 'a-leader', roles: ['leader'] })).status,
    ).toBe(403);
    const noRegion = await upload('problems.xlsx', '', book, office);
    expect(noRegion.status).toBe(400);
    expect(noRegion.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'region',
      rule: 'required',
    });
    expect(await problemVersions()).toEqual(before);
  });
});
