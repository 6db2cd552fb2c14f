import ExcelJS from 'exceljs';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { startTestGateway, type TestGateway, type TestSubgraph } from '@county/test-kit';
import { city, department, startReform } from './fixtures';

/**
 * The reform office's instruments written through the gateway: a dispatch round with an unreported task,
 * closed read-only; an inspection and a bulletin that issues supervision orders to the lagging task it
 * names; the outcome library judged against the year's criteria; bad input and refused roles change nothing.
 */
let people: TestSubgraph;
let reform: TestSubgraph;
let gateway: TestGateway;
let tasks2019: { id: string; code: string }[];

beforeAll(async () => {
  ({ people, reform } = await startReform());
  gateway = await startTestGateway([people, reform]);
  tasks2019 = await sql(
    `select id, code from reform_task where year = 2019 and parent_id is null order by code limit 3`,
  );
});
afterAll(async () => {
  await gateway?.stop();
  await reform?.close();
  await people?.close();
});

const caller = (...roles: string[]) => ({ claims: { sub: `test-${roles.join('+')}`, roles } });
const reformOffice = caller('reform-office');
const actingFor = (organizationId: string) => caller(`department:${organizationId}`);

async function sql<T = any>(text: string, params: unknown[] = []): Promise<T[]> {
  return reform.orm.em.fork().getConnection().execute(text, params);
}

/** Rows and versions of every instrument table, and the audit trail: a refused write leaves them as they were. */
const snapshot = async () =>
  (
    await sql(
      `select (select count(*) from dispatch_round) rounds, (select sum(version) from dispatch_round) round_versions,
         (select count(*) from dispatch_entry) entries, (select sum(version) from dispatch_entry) entry_versions,
         (select count(*) from inspection) inspections, (select count(*) from bulletin) bulletins,
         (select count(*) from bulletin_mention where supervision_order_id is not null) linked,
         (select count(*) from supervision_order) orders, (select count(*) from outcome) outcomes,
         (select sum(version) from outcome) outcome_versions, (select count(*) from outcome_criterion) criteria,
         (select count(*) from promotion) promotions, (select count(*) from scoring_rule) rules,
         (select count(*) from audit_record) audits`,
    )
  )[0];

async function expectRefused(
  query: string,
  variables: Record<string, unknown>,
  expected: { code?: string; field?: string; rule?: string },
  who = reformOffice,
) {
  const before = await snapshot();
  const result = await gateway.query<any>(query, variables, who);
  expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', ...expected });
  expect(result.errors?.[0]?.message).not.toMatch(/Invalid input|insert into|select .* from|at .*\.ts:/);
  expect(await snapshot()).toEqual(before);
  return result.errors![0];
}

async function ok<T = any>(query: string, variables: Record<string, unknown>): Promise<T> {
  const result = await gateway.query<any>(query, variables, reformOffice);
  expect(result.errors).toBeUndefined();
  return result.data;
}

const OPEN = `mutation ($input: OpenDispatchRoundInput!) { openDispatchRound(input: $input) {
  id month status version taskCount unreportedCount entries { id version isReported task { id } } } }`;
const RECORD = `mutation ($id: ID!, $input: RecordDispatchEntryInput!) { recordDispatchEntry(id: $id, input: $input) {
  id reported problemsRaised decisions version } }`;
const CLOSE = `mutation ($id: ID!, $version: Int!, $summary: String!) {
  closeDispatchRound(id: $id, version: $version, summary: $summary) { id status summary closedOn version } }`;

describe('monthly dispatch (月调度)', () => {
  let round: any;

  it('opens a round of key tasks, each unreported until its result is recorded', async () => {
    const data = await ok(OPEN, {
      input: { month: '2019-05', regionCode: DEMO_COUNTY_CODE, taskIds: tasks2019.map((t) => t.id) },
    });
    round = data.openDispatchRound;
    expect(round).toMatchObject({ month: '2019-05', status: 'OPEN', taskCount: 3, unreportedCount: 3 });
    expect(round.entries.map((e: any) => e.task.id).sort()).toEqual(tasks2019.map((t) => t.id).sort());
  });

  it('records what two tasks reported; the third shows as not reported', async () => {
    for (const entry of round.entries.slice(0, 2)) {
      const data = await ok(RECORD, {
        id: entry.id,
        input: {
          version: entry.version,
          reported: '完成方案起草',
          reportedOn: '2019-05-28',
          problemsRaised: '配套资金未到位',
          decisions: '财政局月底前拨付',
        },
      });
      expect(data.recordDispatchEntry).toMatchObject({
        reported: '完成方案起草',
        version: entry.version + 1,
      });
    }
    const data = await ok(
      `query ($id: ID!) { dispatchRound(id: $id) { unreportedCount entries(reported: false) { id task { id } } } }`,
      { id: round.id },
    );
    expect(data.dispatchRound.unreportedCount).toBe(1);
    expect(data.dispatchRound.entries).toEqual([{ id: round.entries[2].id, task: round.entries[2].task }]);
  });

  it('closes with its summary; a closed round is read-only with a clear error', async () => {
    const data = await ok(CLOSE, {
      id: round.id,
      version: round.version,
      summary: '3项任务2项报送，1项未报送已督促',
    });
    expect(data.closeDispatchRound).toMatchObject({
      status: 'CLOSED',
      summary: '3项任务2项报送，1项未报送已督促',
    });
    const trail = await sql(
      `select operation, subject from audit_record where entity = 'DispatchRound' and entity_id = ? order by seq`,
      [round.id],
    );
    expect(trail).toEqual([
      { operation: 'create', subject: 'test-reform-office' },
      { operation: 'update', subject: 'test-reform-office' },
    ]);
    const late = round.entries[2];
    const error = await expectRefused(
      RECORD,
      { id: late.id, input: { version: late.version, reported: '补报', reportedOn: '2019-06-02' } },
      { field: 'id', rule: 'closed' },
    );
    expect(error.message).toMatch(/2019-05 was closed on .* read-only/);
    await expectRefused(
      CLOSE,
      { id: round.id, version: data.closeDispatchRound.version, summary: '再次汇总' },
      { field: 'id', rule: 'closed' },
    );
  });

  it('the next month without a list dispatches the previous round’s tasks', async () => {
    const data = await ok(OPEN, { input: { month: '2019-06', regionCode: DEMO_COUNTY_CODE } });
    expect(data.openDispatchRound.taskCount).toBe(3);
  });

  it.each([
    ['a month that is no month', { month: '2019-13' }, 'input.month', 'format'],
    ['a month already dispatched', { month: '2019-05' }, 'input.month', 'unique'],
    ['a task of another year', { month: '2019-07', taskIds: ['<2020>'] }, 'input.taskIds.0', 'year'],
    [
      'an unknown task',
      { month: '2019-07', taskIds: ['00000000-0000-4000-8000-000000000000'] },
      'input.taskIds.0',
      'exists',
    ],
    ['an unknown region', { month: '2019-07', regionCode: '990799' }, 'input.regionCode', 'exists'],
  ])('refuses %s, naming the field and rule, changing nothing', async (_, overrides, field, rule) => {
    const [task2020] = await sql(`select id from reform_task where year = 2020 limit 1`);
    const input: Record<string, unknown> = { regionCode: DEMO_COUNTY_CODE, ...overrides };
    if (Array.isArray(input.taskIds))
      input.taskIds = input.taskIds.map((t) => (t === '<2020>' ? task2020.id : t));
    await expectRefused(OPEN, { input }, { field, rule });
  });

  it('a role that may not write is refused and nothing changes', async () => {
    const before = await snapshot();
    const input = { month: '2019-08', regionCode: DEMO_COUNTY_CODE, taskIds: [tasks2019[0].id] };
    const clerk = await gateway.query<any>(OPEN, { input }, actingFor(department('finance')));
    expect(clerk.errors?.[0]?.extensions).toMatchObject({
      code: 'FORBIDDEN',
      allowedRoles: ['reform-office'],
    });
    const anonymous = await gateway.query<any>(OPEN, { input });
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await snapshot()).toEqual(before);
  });
});

describe('the dispatch ledger (月调度台账) both ways', () => {
  const url = (query: string) =>
    `${gateway.url.replace(/\/graphql$/, '')}/files/reform/dispatch.xlsx?${query}`;
  const auth = async (claims = reformOffice.claims) => ({
    authorization: `Bearer ${await gateway.token(claims)}`,
  });

  async function exported(month: string) {
    const response = await fetch(url(`month=${month}&region=${DEMO_COUNTY_CODE}`), { headers: await auth() });
    expect(response.status).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await response.arrayBuffer()) as ArrayBuffer);
    const sheet = book.worksheets[0];
    const headers = (sheet.getRow(1).values as string[]).map(String);
    const rows: ExcelJS.Row[] = [];
    sheet.eachRow((row, n) => n > 1 && rows.push(row));
    return { book, sheet, rows, col: (header: string) => headers.indexOf(header) };
  }

  async function upload(month: string, book: ExcelJS.Workbook) {
    const response = await fetch(url(`month=${month}&region=${DEMO_COUNTY_CODE}`), {
      method: 'POST',
      headers: await auth(),
      body: new Uint8Array(await book.xlsx.writeBuffer()),
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  const entriesOf = (month: string) =>
    sql<{ code: string; reported: string | null; version: number }>(
      `select t.code, e.reported, e.version from dispatch_entry e join dispatch_round r on r.id = e.round_id
        join reform_task t on t.id = e.task_id where r.month = ? order by t.code`,
      [month],
    );

  it('exports a round and records the edited rows through recordDispatchEntry', async () => {
    const { book, sheet, rows, col } = await exported('2019-06');
    expect(sheet.name).toBe('2019-06月调度台账');
    expect(rows.map((r) => r.getCell(col('任务编号')).text)).toEqual(tasks2019.map((t) => t.code).sort());
    rows[0].getCell(col('报送情况')).value = '已完成试点方案';
    rows[0].getCell(col('报送日期')).value = '2019-06-27';
    rows[1].getCell(col('报送情况')).value = '正在征求意见';
    const before = await snapshot();
    const refused = await upload('2019-06', book);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'file',
      rule: 'rows',
      rejected: [{ row: rows[1].number, column: '报送日期', rule: 'required' }],
    });
    expect(await snapshot()).toEqual(before);

    rows[1].getCell(col('报送情况')).value = null;
    const accepted = await upload('2019-06', book);
    expect(accepted).toMatchObject({
      status: 200,
      body: { imported: 1, updated: 1, unchanged: 2, rejected: [] },
    });
    const entries = await entriesOf('2019-06');
    expect(entries.map((e) => e.reported)).toEqual(['已完成试点方案', null, null]);
  });

  it('a closed round’s sheet goes back refused, naming the row; nothing changes', async () => {
    const { book, rows, col } = await exported('2019-05');
    const unreported = rows.find((r) => !r.getCell(col('报送情况')).text)!;
    unreported.getCell(col('报送情况')).value = '补报';
    unreported.getCell(col('报送日期')).value = '2019-06-03';
    const before = await snapshot();
    const refused = await upload('2019-05', book);
    expect(refused.status).toBe(400);
    expect(refused.body.errors[0].extensions.rejected).toEqual([
      expect.objectContaining({ row: unreported.number, rule: 'closed' }),
    ]);
    expect(await snapshot()).toEqual(before);
    const badMonth = await fetch(url(`month=2019-13&region=${DEMO_COUNTY_CODE}`), { headers: await auth() });
    expect(badMonth.status).toBe(400);
    expect(((await badMonth.json()) as any).errors[0].extensions).toMatchObject({
      field: 'month',
      rule: 'format',
    });
  });
});

describe('inspections and bulletins (督察、通报)', () => {
  const ISSUE = `mutation ($input: IssueBulletinInput!) { issueBulletin(input: $input) {
    id number year mentions { verdict organization { id } task { id } } mentionsLagging: mentions(verdict: LAGGING) { id } } }`;
  const ORDERS = `mutation ($id: ID!, $input: BulletinOrdersInput!) { issueBulletinSupervisionOrders(id: $id, input: $input) {
    id status deadline task { id } } }`;
  const deadline = '2099-12-31';
  let lagging: any;
  let finished: any;
  let inspectionId: string;

  beforeAll(async () => {
    const data = await ok(
      `{ lagging: reformTasks(year: 2020, lagging: true, first: 1) { nodes { id code leadOrganization { id } } }
         done: reformTasks(year: 2020, status: CLOSED, first: 1) { nodes { id code leadOrganization { id } } } }`,
      {},
    );
    [lagging] = data.lagging.nodes;
    [finished] = data.done.nodes;
  });

  it('records an inspection: who, where, when, whom, findings', async () => {
    const township = city.organizations.find(
      (o) => o.regionCode.length === 9 && o.type === 'TOWNSHIP_GOVERNMENT',
    )!;
    const data = await ok(
      `mutation ($input: RecordInspectionInput!) { recordInspection(input: $input) {
        id year inspectedOn inspectorOrganizations { id } inspectedOrganizations { id } regions { code } tasks { id } findings } }`,
      {
        input: {
          title: '行政管理体制改革实地督察',
          inspectedOn: '2020-09-10',
          inspectorOrganizationIds: [department('reform')],
          inspectors: '县委改革办督察组',
          regionCodes: [township.regionCode],
          inspectedOrganizationIds: [township.id, lagging.leadOrganization.id],
          taskIds: [lagging.id],
          findings: '节点任务滞后两个月',
        },
      },
    );
    inspectionId = data.recordInspection.id;
    expect(data.recordInspection).toMatchObject({
      year: 2020,
      regions: [{ code: township.regionCode }],
      inspectedOrganizations: [{ id: township.id }, { id: lagging.leadOrganization.id }],
      tasks: [{ id: lagging.id }],
    });
  });

  const bulletin = (mentions: unknown[]) => ({
    input: {
      regionCode: DEMO_COUNTY_CODE,
      issuedOn: '2020-09-20',
      title: '改革工作督导通报',
      summary: '表扬先进，点名滞后',
      inspectionId,
      mentions,
    },
  });

  it('refuses a unit named with a task it neither leads nor cooperates on', async () => {
    const stranger = department('veterans');
    await expectRefused(
      ISSUE,
      bulletin([{ verdict: 'LAGGING', organizationId: stranger, taskId: lagging.id, note: '滞后' }]),
      { field: 'input.mentions.0.taskId', rule: 'task-organisation' },
    );
    await expectRefused(ISSUE, bulletin([]), { field: 'input.mentions', rule: 'min' });
  });

  it('a bulletin naming a lagging task issues a supervision order to it, once', async () => {
    const data = await ok(
      ISSUE,
      bulletin([
        {
          verdict: 'COMMENDED',
          organizationId: finished.leadOrganization.id,
          taskId: finished.id,
          note: '提前完成',
        },
        {
          verdict: 'LAGGING',
          organizationId: lagging.leadOrganization.id,
          taskId: lagging.id,
          note: '明显滞后',
        },
      ]),
    );
    const issued = data.issueBulletin;
    // the demo's 9 bulletins of 2020 come first
    expect(issued).toMatchObject({ year: 2020, number: 10 });
    expect(issued.mentionsLagging).toHaveLength(1);
    const orders = (await ok(ORDERS, { id: issued.id, input: { deadline } })).issueBulletinSupervisionOrders;
    expect(orders).toEqual([{ id: expect.any(String), status: 'OPEN', deadline, task: { id: lagging.id } }]);
    const read = await ok(
      `query { bulletins(year: 2020, first: 100) { nodes { id mentions(verdict: LAGGING) { supervisionOrder { id } } } } }`,
      {},
    );
    const mine = read.bulletins.nodes.find((b: any) => b.id === issued.id);
    expect(mine.mentions).toEqual([{ supervisionOrder: { id: orders[0].id } }]);
    await expectRefused(
      ORDERS,
      { id: issued.id, input: { deadline } },
      { field: 'id', rule: 'lagging-task' },
    );
  });

  it('a task no longer lagging refuses the whole: no order, nothing linked', async () => {
    const data = await ok(
      ISSUE,
      bulletin([
        {
          verdict: 'LAGGING',
          organizationId: finished.leadOrganization.id,
          taskId: finished.id,
          note: '滞后',
        },
      ]),
    );
    await expectRefused(
      ORDERS,
      { id: data.issueBulletin.id, input: { deadline } },
      { field: 'mentions.0.taskId', rule: 'lagging' },
    );
    await expectRefused(
      ORDERS,
      { id: data.issueBulletin.id, input: { deadline: '2020-01-01' } },
      {
        field: 'input.deadline',
        rule: 'future',
      },
    );
  });
});

describe('the outcome library (改革成果库)', () => {
  let outcome: any;

  it('judges an outcome against the criteria the office set for its year', async () => {
    await expectRefused(
      `mutation { setOutcomeCriteria(year: 2021, criteria: [{ key: "a", name: "甲" }, { key: "a", name: "乙" }]) { id } }`,
      {},
      { field: 'criteria.1.key', rule: 'distinct' },
    );
    await ok(
      `mutation { setOutcomeCriteria(year: 2021, criteria: [{ key: "first", name: "首创性" }, { key: "replicable", name: "可复制推广" }]) { key } }`,
      {},
    );
    const data = await ok(
      `mutation ($input: RecordOutcomeInput!) { recordOutcome(input: $input) { id version selected } }`,
      {
        input: {
          year: 2021,
          title: '矛盾纠纷多元化解',
          kind: 'SHOWCASE',
          summary: '一站式调处',
          regionCode: DEMO_COUNTY_CODE,
          leadOrganizationId: department('justice'),
          taskIds: [],
        },
      },
    );
    outcome = data.recordOutcome;
    const JUDGE = `mutation ($id: ID!, $input: JudgeOutcomeInput!) { judgeOutcome(id: $id, input: $input) {
      selected version judgement { criterion { key } met } } }`;
    await expectRefused(
      JUDGE,
      {
        id: outcome.id,
        input: { version: outcome.version, criteriaMet: ['first', 'famous'], selected: true },
      },
      { field: 'input.criteriaMet.1', rule: 'criterion' },
    );
    await expectRefused(
      JUDGE,
      { id: outcome.id, input: { version: outcome.version, criteriaMet: [], selected: true } },
      { field: 'input.criteriaMet', rule: 'meets-a-criterion' },
    );
    const judged = await ok(JUDGE, {
      id: outcome.id,
      input: { version: outcome.version, criteriaMet: ['replicable'], selected: true },
    });
    expect(judged.judgeOutcome).toMatchObject({
      selected: true,
      judgement: [
        { criterion: { key: 'first' }, met: false },
        { criterion: { key: 'replicable' }, met: true },
      ],
    });
    await expectRefused(
      `mutation { setOutcomeCriteria(year: 2021, criteria: [{ key: "first", name: "首创性" }]) { id } }`,
      {},
      { field: 'criteria', rule: 'in-use' },
    );
  });

  it('adoption, replication, documents and promotion show in the year’s statistics', async () => {
    await ok(
      `mutation ($id: ID!) { recordOutcomeAdoption(outcomeId: $id, input: { level: PROVINCE, adoptedBy: "省委政法委", adoptedOn: "2021-05-01" }) { id } }`,
      { id: outcome.id },
    );
    await ok(
      `mutation ($id: ID!) { recordOutcomeReplication(outcomeId: $id, input: { scope: "全市乡镇", towns: 12, villages: 80, recordedOn: "2021-06-01" }) { id } }`,
      { id: outcome.id },
    );
    await ok(
      `mutation ($id: ID!) { recordReformDocument(input: { kind: IMPLEMENTING_DOCUMENT, title: "实施细则", issuedOn: "2021-03-01", regionCode: "${DEMO_COUNTY_CODE}", outcomeId: $id }) { id } }`,
      { id: outcome.id },
    );
    await ok(
      `mutation { recordPromotion(input: { kind: ARTICLE, title: "专栏稿件", count: 5, occurredOn: "2021-04-01", regionCode: "${DEMO_COUNTY_CODE}" }) { id } }`,
      {},
    );
    await expectRefused(
      `mutation { recordPromotion(input: { kind: MEETING, title: "推介会", count: 0, occurredOn: "2021-04-01", regionCode: "${DEMO_COUNTY_CODE}" }) { id } }`,
      {},
      { field: 'input.count', rule: 'min' },
    );
    const stats = await ok(
      `query ($code: ID!) { region(code: $code) { name reformInstrumentStats(year: 2021) {
        outcomes selectedOutcomes outcomesByAdoptionLevel { level count } replicatedTowns replicatedVillages
        implementingDocuments promotion { kind count } } } }`,
      { code: DEMO_COUNTY_CODE },
    );
    expect(stats.region.name).toEqual(expect.any(String));
    expect(stats.region.reformInstrumentStats).toEqual({
      outcomes: 1,
      selectedOutcomes: 1,
      outcomesByAdoptionLevel: [
        { level: 'CITY', count: 0 },
        { level: 'PROVINCE', count: 1 },
        { level: 'STATE', count: 0 },
      ],
      replicatedTowns: 12,
      replicatedVillages: 80,
      implementingDocuments: 1,
      promotion: [
        { kind: 'BRIEFING', count: 0 },
        { kind: 'ARTICLE', count: 5 },
        { kind: 'WECHAT_POST', count: 0 },
        { kind: 'MEETING', count: 0 },
      ],
    });
  });

  it('bonus rules are data per year: bad rules are refused, set ones score', async () => {
    await expectRefused(
      `mutation { setScoringRules(year: 2021, rules: [{ basis: OUTCOME_ADOPTED, level: PROVINCE, points: 101 }]) { id } }`,
      {},
      { field: 'rules.0.points', rule: 'max' },
    );
    const refused = await gateway.query<any>(
      `mutation { setScoringRules(year: 2021, rules: []) { id } }`,
      {},
      actingFor(department('finance')),
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    await ok(
      `mutation { setScoringRules(year: 2021, rules: [{ basis: OUTCOME_ADOPTED, level: PROVINCE, points: 2.5 }]) { id } }`,
      {},
    );
    const board = await ok(
      `{ scoredResultsBoard(year: 2021) { rulesSet warnings entries { organization { id } bonusPoints outcomesAdopted } } }`,
      {},
    );
    expect(board.scoredResultsBoard).toMatchObject({ rulesSet: true, warnings: [] });
    expect(board.scoredResultsBoard.entries).toContainEqual({
      organization: { id: department('justice') },
      bonusPoints: 2.5,
      outcomesAdopted: 1,
    });
  });
});
