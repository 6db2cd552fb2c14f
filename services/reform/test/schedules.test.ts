import { chinaDay as todayInChina } from '@county/domain';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { countStatements, startTestGateway, type TestGateway, type TestSubgraph } from '@county/test-kit';
import { isoDate } from '../src/dates';
import { countyLeader, department, startReform } from './fixtures';

/** A gateway caller holding `roles` (the gateway signs the identity each subgraph sees). */
const caller = (...roles: string[]) => ({ claims: { sub: `test-${roles.join('+')}`, roles } });
const reformOffice = caller('reform-office');
const actingFor = (organizationId: string) => caller(`department:${organizationId}`);

/**
 * Through the gateway: the time-proportional schedule (序时进度) for tasks without milestones, with the
 * statistics that count lagging tasks, and the reports never sent (未报送), listed and counted.
 */
let people: TestSubgraph;
let reform: TestSubgraph;
let gateway: TestGateway;
let groupId: string;
const finance = department('finance');
const audit = department('audit');
const today = todayInChina();
const [year] = today.split('-').map(Number);
const daysFromToday = (days: number) =>
  new Date(Date.parse(`${today}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  ({ people, reform } = await startReform());
  gateway = await startTestGateway([people, reform]);
  const groups = await gateway.query<any>('{ specialGroups { id } }', {}, reformOffice);
  groupId = groups.data.specialGroups[0].id;
});
afterAll(async () => {
  await gateway?.stop();
  await reform?.close();
  await people?.close();
});

const CREATE = `mutation ($input: CreateReformTaskInput!) { createReformTask(input: $input) { id version progress { expected actual lagging } } }`;
const MILESTONES = `mutation ($id: ID!, $version: Int!, $m: [MilestoneInput!]!) { setReformTaskMilestones(taskId: $id, version: $version, milestones: $m) { id version progress { expected actual lagging } } }`;
const REPORT = `mutation ($input: SubmitProgressReportInput!) { submitProgressReport(input: $input) { id } }`;

async function createTask(input: Record<string, unknown>) {
  const result = await gateway.query<any>(
    CREATE,
    {
      input: {
        title: '“放管服”改革任务',
        specialGroupId: groupId,
        source: 'ASSIGNED',
        goal: '按期完成',
        leadOrganizationId: finance,
        cooperatingOrganizationIds: [],
        regionCode: DEMO_COUNTY_CODE,
        keyTask: false,
        ...input,
      },
    },
    reformOffice,
  );
  expect(result.errors).toBeUndefined();
  return result.data.createReformTask;
}

describe('lagging without milestones: the time-proportional schedule', () => {
  // the demo ledger ends in 2020: this year holds only the tasks below
  let overdue: any;
  let halfway: any;
  let planned: any;

  beforeAll(async () => {
    overdue = await createTask({
      code: 'SCH-1',
      year,
      plannedStart: daysFromToday(-100),
      plannedEnd: daysFromToday(-1),
    });
    halfway = await createTask({
      code: 'SCH-2',
      year,
      plannedStart: daysFromToday(-50),
      plannedEnd: daysFromToday(50),
    });
    const scheduled = await createTask({
      code: 'SCH-3',
      year,
      plannedStart: daysFromToday(-50),
      plannedEnd: daysFromToday(50),
    });
    const result = await gateway.query<any>(
      MILESTONES,
      {
        id: scheduled.id,
        version: scheduled.version,
        m: [
          { title: '方案', plannedDate: daysFromToday(-10), share: 10, completedOn: daysFromToday(-12) },
          { title: '落实', plannedDate: daysFromToday(40), share: 90 },
        ],
      },
      reformOffice,
    );
    expect(result.errors).toBeUndefined();
    planned = result.data.setReformTaskMilestones;
  });

  it('a task past its end date at 0 % is expected at 100 % and lags', () => {
    expect(overdue.progress).toEqual({ expected: 100, actual: 0, lagging: true });
  });

  it('halfway through its span a task is expected at half', () => {
    expect(halfway.progress).toEqual({ expected: 50, actual: 0, lagging: true });
  });

  it('a milestone plan overrides the time-proportional schedule', () => {
    // 10 % due (and done) by the plan: within the tolerance, where the elapsed half would lag
    expect(planned.progress).toEqual({ expected: 10, actual: 0, lagging: false });
  });

  it('a milestone taken off the schedule no longer counts, and the trail says who took it off', async () => {
    const task = await createTask({
      code: 'SCH-4',
      year: year - 2,
      plannedStart: daysFromToday(-50),
      plannedEnd: daysFromToday(50),
    });
    const set = (version: number, m: object[]) =>
      gateway.query<any>(
        MILESTONES.replace('progress {', 'milestones { id } progress {'),
        { id: task.id, version, m },
        reformOffice,
      );
    const first = await set(task.version, [
      { title: '方案', plannedDate: daysFromToday(-10), share: 40 },
      { title: '落实', plannedDate: daysFromToday(40), share: 60 },
    ]);
    expect(first.data.setReformTaskMilestones.progress).toEqual({ expected: 40, actual: 0, lagging: true });
    const [due, later] = first.data.setReformTaskMilestones.milestones;
    const second = await set(first.data.setReformTaskMilestones.version, [
      { id: later.id, title: '落实', plannedDate: daysFromToday(40), share: 60 },
    ]);
    expect(second.errors).toBeUndefined();
    expect(second.data.setReformTaskMilestones.progress).toEqual({ expected: 0, actual: 0, lagging: false });
    const [record] = await reform.orm.em
      .fork()
      .getConnection()
      .execute(
        `select subject, operation, after from audit_record where entity = 'Milestone' and entity_id = ? and operation = 'update'`,
        [due.id],
      );
    expect(record).toEqual({
      subject: 'test-reform-office',
      operation: 'update',
      after: { removedOn: today },
    });
  });

  it('reformStats, the lagging filter and MOST_BEHIND count the same lagging tasks as the field', async () => {
    const result = await gateway.query<any>(
      `{ region(code: "${DEMO_COUNTY_CODE}") { reformStats(year: ${year}) { total lagging byLeadOrganization { organization { id } lagging } bySpecialGroup { lagging } } }
         lagging: reformTasks(year: ${year}, lagging: true) { totalCount nodes { code } }
         behind: reformTasks(year: ${year}, lagging: true, orderBy: MOST_BEHIND) { totalCount nodes { code progress { lagging } } } }`,
      {},
      reformOffice,
    );
    expect(result.errors).toBeUndefined();
    const stats = result.data.region.reformStats;
    expect(stats).toMatchObject({ total: 3, lagging: 2 });
    expect(stats.byLeadOrganization).toEqual([{ organization: { id: finance }, lagging: 2 }]);
    expect(stats.bySpecialGroup.reduce((sum: number, g: any) => sum + g.lagging, 0)).toBe(2);
    expect(result.data.lagging.nodes.map((n: any) => n.code).sort()).toEqual(['SCH-1', 'SCH-2']);
    expect(result.data.behind.nodes.map((n: any) => n.code)).toEqual(['SCH-1', 'SCH-2']);
  });
});

describe('reports never sent', () => {
  const last = year - 1;
  const LIST = `query ($year: Int!, $first: Int, $after: String, $kind: ReportPeriodKind, $lead: ID) {
    missingProgressReports(year: $year, first: $first, after: $after, periodKind: $kind, leadOrganizationId: $lead) {
      totalCount nodes { task { code } period periodKind dueDate leadOrganization { id } } pageInfo { hasNextPage endCursor } } }`;
  const COUNTS = `query ($year: Int!) { missingProgressReportCounts(year: $year) {
    totalCount nodes { leadOrganization { id name } monthly quarterly total tasks } } }`;
  let key: any;

  beforeAll(async () => {
    // last year holds only these two: a key task linked to a leader (monthly and quarterly), a plain one
    key = await createTask({
      code: 'MR-K',
      year: last,
      keyTask: true,
      leaderId: countyLeader.id,
      plannedStart: isoDate(last, 1, 1),
      plannedEnd: isoDate(last, 6, 30),
    });
    await createTask({
      code: 'MR-M',
      year: last,
      leadOrganizationId: audit,
      plannedStart: isoDate(last, 1, 10),
      plannedEnd: isoDate(last, 3, 31),
    });
  });

  it('lists each period due and not sent, per task, in ledger order, paged', async () => {
    const first = await gateway.query<any>(LIST, { year: last, first: 5 }, reformOffice);
    expect(first.errors).toBeUndefined();
    const page = first.data.missingProgressReports;
    expect(page.totalCount).toBe(11);
    expect(page.nodes.map((n: any) => `${n.task.code} ${n.period}`)).toEqual(
      [1, 2, 3, 4, 5].map((m) => `MR-K ${last}-0${m}`),
    );
    expect(page.nodes[0]).toMatchObject({
      periodKind: 'MONTHLY',
      dueDate: isoDate(last, 2, 5),
      leadOrganization: { id: finance },
    });
    const rest: string[] = [];
    let after = page.pageInfo.endCursor;
    while (after) {
      const next = await gateway.query<any>(LIST, { year: last, first: 5, after }, reformOffice);
      expect(next.errors).toBeUndefined();
      rest.push(...next.data.missingProgressReports.nodes.map((n: any) => `${n.task.code} ${n.period}`));
      after = next.data.missingProgressReports.pageInfo.hasNextPage
        ? next.data.missingProgressReports.pageInfo.endCursor
        : null;
    }
    expect(rest).toEqual([
      `MR-K ${last}-06`,
      `MR-K ${last}-Q1`,
      `MR-K ${last}-Q2`,
      `MR-M ${last}-01`,
      `MR-M ${last}-02`,
      `MR-M ${last}-03`,
    ]);
    const quarterly = await gateway.query<any>(LIST, { year: last, kind: 'QUARTERLY' }, reformOffice);
    expect(quarterly.data.missingProgressReports.nodes).toEqual([
      expect.objectContaining({
        period: `${last}-Q1`,
        periodKind: 'QUARTERLY',
        dueDate: isoDate(last, 4, 10),
      }),
      expect.objectContaining({ period: `${last}-Q2`, dueDate: isoDate(last, 7, 10) }),
    ]);
    const audits = await gateway.query<any>(LIST, { year: last, lead: audit }, reformOffice);
    expect(audits.data.missingProgressReports.totalCount).toBe(3);
  });

  it('counts them by lead organisation in SQL; a report sent leaves the list, and none are owed after 100 %', async () => {
    const counted = await countStatements(reform.orm, () =>
      gateway.query<any>(COUNTS, { year: last }, reformOffice),
    );
    expect(counted.result.errors).toBeUndefined();
    // the counts, then the organisations' names from reform's copy of the directory: no row is loaded to count
    expect(counted.sql).toHaveLength(2);
    expect(counted.sql[0]).toMatch(/count\(\*\) filter/);
    expect(counted.result.data.missingProgressReportCounts).toEqual({
      totalCount: 2,
      nodes: [
        {
          leadOrganization: { id: finance, name: expect.any(String) },
          monthly: 6,
          quarterly: 2,
          total: 8,
          tasks: 1,
        },
        {
          leadOrganization: { id: audit, name: expect.any(String) },
          monthly: 3,
          quarterly: 0,
          total: 3,
          tasks: 1,
        },
      ],
    });

    for (const [period, percent] of [
      [`${last}-01`, 40],
      [`${last}-Q1`, 40],
      [`${last}-04`, 100],
    ] as const) {
      const sent = await gateway.query<any>(
        REPORT,
        { input: { taskId: key.id, period, percent, done: '按节点推进' } },
        actingFor(finance),
      );
      expect(sent.errors).toBeUndefined();
    }
    // January and Q1 are in; 100 % in April: May and June are owed no more, Q2 (begun before) still is
    const after = await gateway.query<any>(LIST, { year: last, lead: finance }, reformOffice);
    expect(after.data.missingProgressReports.nodes.map((n: any) => n.period)).toEqual([
      `${last}-02`,
      `${last}-03`,
      `${last}-Q2`,
    ]);
    const counts = await gateway.query<any>(COUNTS, { year: last }, reformOffice);
    expect(
      counts.data.missingProgressReportCounts.nodes.map((n: any) => [n.leadOrganization.id, n.total]),
    ).toEqual(
      [
        [finance, 3],
        [audit, 3],
      ].sort((a, b) => (a[0] < b[0] ? -1 : 1)),
    );
  });

  it.each([
    ['a year out of range', `{ missingProgressReports(year: 1999) { totalCount } }`, 'year', 'min'],
    [
      'a malformed region',
      `{ missingProgressReportCounts(year: 2020, regionCode: "12x") { totalCount } }`,
      'regionCode',
      'format',
    ],
    [
      'a cursor it did not hand out',
      `{ missingProgressReports(year: 2020, after: "bm9wZQ") { totalCount } }`,
      'after',
      'cursor',
    ],
    [
      'a page too large',
      `{ missingProgressReportCounts(year: 2020, first: 1000) { totalCount } }`,
      'first',
      'max',
    ],
  ])('refuses %s, naming the argument and rule', async (_, query, field, rule) => {
    const result = await gateway.query<any>(query, {}, reformOffice);
    expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
    expect(result.errors?.[0]?.message).not.toMatch(/select|Invalid input/i);
  });
});
