import { chinaDay as todayInChina } from '@county/domain';
import { isoDate } from '../src/dates';
import { as, type TestSubgraph } from '@county/test-kit';
import {
  actingFor,
  countyLeader,
  department,
  reformOffice,
  startReform,
  tableCounts,
  UNKNOWN_ID,
} from './fixtures';

let people: TestSubgraph;
let reform: TestSubgraph;
let groupId: string;
const finance = department('finance');
const today = todayInChina();
const [year, month] = today.split('-').map(Number);
const thisMonth = today.slice(0, 7);
const nextMonth = isoDate(year, month + 1, 1).slice(0, 7);
const lastMonth = isoDate(year, month - 1, 1).slice(0, 7);
const yearStart = isoDate(year, 1, 1);
const yearEnd = isoDate(year, 12, 31);

beforeAll(async () => {
  ({ people, reform } = await startReform());
  const groups = await reform.query<any>('{ specialGroups { id } }');
  groupId = groups.data.specialGroups[0].id;
});
afterAll(async () => {
  await reform?.close();
  await people?.close();
});

const TASK_FIELDS =
  'id code version status progress { expected actual lagging } milestones { id share completedOn }';
const CREATE = `mutation ($input: CreateReformTaskInput!) { createReformTask(input: $input) { ${TASK_FIELDS} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateReformTaskInput!) { updateReformTask(id: $id, input: $input) { ${TASK_FIELDS} } }`;
const MILESTONES = `mutation ($id: ID!, $version: Int!, $m: [MilestoneInput!]!) { setReformTaskMilestones(taskId: $id, version: $version, milestones: $m) { ${TASK_FIELDS} } }`;
const REPORT = `mutation ($input: SubmitProgressReportInput!) { submitProgressReport(input: $input) { id period percent late task { status version } } }`;
const CLOSE = `mutation ($id: ID!, $version: Int!) { closeReformTask(id: $id, version: $version) { id status version } }`;
const ISSUE = `mutation ($input: IssueSupervisionOrderInput!) { issueSupervisionOrder(input: $input) { id status overdue } }`;
const ANSWER = `mutation ($id: ID!, $input: AnswerSupervisionOrderInput!) { answerSupervisionOrder(id: $id, input: $input) { id status } }`;
const RECTIFY = `mutation ($id: ID!) { rectifySupervisionOrder(id: $id) { id status } }`;

let serial = 0;
const taskInput = (overrides: Record<string, unknown> = {}) => ({
  code: `T-${++serial}`,
  title: '政务服务“一网通办”改革',
  year,
  specialGroupId: groupId,
  source: 'OWN_INITIATIVE',
  goal: '年底前实现高频事项全程网办',
  leadOrganizationId: finance,
  cooperatingOrganizationIds: [department('audit')],
  regionCode: '990722',
  leaderId: countyLeader.id,
  keyTask: true,
  plannedStart: yearStart,
  plannedEnd: yearEnd,
  ...overrides,
});

async function createTask(overrides: Record<string, unknown> = {}) {
  const result = await reform.query<any>(CREATE, { input: taskInput(overrides) }, reformOffice);
  expect(result.errors).toBeUndefined();
  return result.data.createReformTask;
}

async function withMilestones(task: { id: string; version: number }, milestones: Record<string, unknown>[]) {
  const result = await reform.query<any>(
    MILESTONES,
    { id: task.id, version: task.version, m: milestones },
    reformOffice,
  );
  expect(result.errors).toBeUndefined();
  return result.data.setReformTaskMilestones;
}

const reportInput = (taskId: string, overrides: Record<string, unknown> = {}) => ({
  taskId,
  period: thisMonth,
  percent: 40,
  done: '完成方案起草',
  ...overrides,
});

/** Expects a refusal naming `field` and `rule` (or `code`), and no change in any table. */
async function expectRefused(
  query: string,
  variables: Record<string, unknown>,
  identity: ReturnType<typeof as.role>,
  expected: { field?: string; rule?: string; code?: string },
) {
  const before = await tableCounts(reform);
  const result = await reform.query<any>(query, variables, identity);
  expect(result.errors?.[0]?.extensions).toMatchObject({
    code: expected.code ?? 'BAD_USER_INPUT',
    ...expected,
  });
  expect(await tableCounts(reform)).toEqual(before);
  return result.errors![0];
}

describe('tasks', () => {
  it('creates a task for the reform office only', async () => {
    const task = await createTask();
    expect(task).toMatchObject({ version: 1, status: 'NOT_STARTED' });
    await expectRefused(CREATE, { input: taskInput() }, actingFor(finance), { code: 'FORBIDDEN' });
    await expectRefused(CREATE, { input: taskInput() }, as.anonymous, { code: 'UNAUTHENTICATED' });
  });

  it.each([
    [
      'a lead organisation not in the directory',
      { leadOrganizationId: UNKNOWN_ID },
      'input.leadOrganizationId',
      'exists',
    ],
    ['a leader not in the directory', { leaderId: UNKNOWN_ID }, 'input.leaderId', 'exists'],
    [
      'a cooperating unit not in the directory',
      { cooperatingOrganizationIds: [UNKNOWN_ID] },
      'input.cooperatingOrganizationIds',
      'exists',
    ],
    ['a region not in the directory', { regionCode: '990722999' }, 'input.regionCode', 'exists'],
    ['an end before the start', { plannedEnd: isoDate(year - 1, 12, 1) }, 'input.plannedEnd', 'order'],
    [
      'the lead also cooperating',
      { cooperatingOrganizationIds: [finance] },
      'input.cooperatingOrganizationIds',
      'distinct',
    ],
    ['a code already used', { code: 'T-1' }, 'input.code', 'unique'],
    ['an unknown special group', { specialGroupId: UNKNOWN_ID }, 'input.specialGroupId', 'exists'],
  ])('refuses %s', async (_, overrides, field, rule) => {
    await expectRefused(CREATE, { input: taskInput(overrides) }, reformOffice, { field, rule });
  });

  it('refuses a stale version with a conflict naming version, and keeps the newer change', async () => {
    const task = await createTask();
    const first = await reform.query<any>(
      UPDATE,
      { id: task.id, input: { version: 1, title: '第一次修改' } },
      reformOffice,
    );
    expect(first.data.updateReformTask.version).toBe(2);
    const error = await expectRefused(
      UPDATE,
      { id: task.id, input: { version: 1, title: '过期的修改' } },
      reformOffice,
      {
        code: 'CONFLICT',
        field: 'input.version',
      },
    );
    expect(error.message).toMatch(/version 1, now 2/);
    const read = await reform.query<any>(`{ reformTask(id: "${task.id}") { title version } }`);
    expect(read.data.reformTask).toEqual({ title: '第一次修改', version: 2 });
  });

  it('of two concurrent edits from the same version, one wins and the other gets CONFLICT', async () => {
    const task = await createTask();
    const results = await Promise.all(
      ['甲', '乙', '丙'].map((title) =>
        reform.query<any>(UPDATE, { id: task.id, input: { version: 1, title } }, reformOffice),
      ),
    );
    const won = results.filter((r) => !r.errors);
    expect(won).toHaveLength(1);
    for (const lost of results.filter((r) => r.errors))
      expect(lost.errors![0].extensions!.code).toBe('CONFLICT');
    const read = await reform.query<any>(`{ reformTask(id: "${task.id}") { title version } }`);
    expect(read.data.reformTask.version).toBe(2);
    expect(['甲', '乙', '丙']).toContain(read.data.reformTask.title);
  });

  it('refuses a lead organisation change to an id not in the directory', async () => {
    const task = await createTask();
    await expectRefused(
      UPDATE,
      { id: task.id, input: { version: 1, leadOrganizationId: UNKNOWN_ID } },
      reformOffice,
      {
        field: 'input.leadOrganizationId',
        rule: 'exists',
      },
    );
  });
});

describe('milestones', () => {
  it('refuses a schedule whose shares total more than 100%', async () => {
    const task = await createTask();
    await expectRefused(
      MILESTONES,
      {
        id: task.id,
        version: 1,
        m: [
          { title: '方案', plannedDate: yearStart, share: 60 },
          { title: '落实', plannedDate: yearEnd, share: 50 },
        ],
      },
      reformOffice,
      { field: 'milestones', rule: 'share-total' },
    );
  });

  it('a new schedule moves the version on; expected progress follows the milestones due', async () => {
    const task = await createTask({ plannedStart: isoDate(year - 1, 1, 1) });
    const scheduled = await withMilestones(task, [
      { title: '方案', plannedDate: isoDate(year - 1, 6, 30), share: 30 },
      { title: '落实', plannedDate: isoDate(year + 1, 6, 30), share: 70 },
    ]);
    expect(scheduled.version).toBe(2);
    expect(scheduled.progress).toEqual({ expected: 30, actual: 0, lagging: true });
  });
});

describe('progress reports', () => {
  it.each([
    ['a percent above 100', { percent: 101 }, 'input.percent', 'max'],
    ['a negative percent', { percent: -1 }, 'input.percent', 'min'],
    ['a future period', { period: nextMonth }, 'input.period', 'future'],
    ['a malformed period', { period: `${year}-13` }, 'input.period', 'format'],
  ])('refuses %s', async (_, overrides, field, rule) => {
    const task = await createTask();
    await expectRefused(REPORT, { input: reportInput(task.id, overrides) }, actingFor(finance), {
      field,
      rule,
    });
  });

  it('accepts one report per period, from the lead organisation only', async () => {
    const task = await createTask();
    await expectRefused(REPORT, { input: reportInput(task.id) }, actingFor(department('audit')), {
      code: 'FORBIDDEN',
    });
    await expectRefused(REPORT, { input: reportInput(task.id) }, reformOffice, { code: 'FORBIDDEN' });
    const first = await reform.query<any>(REPORT, { input: reportInput(task.id) }, actingFor(finance));
    expect(first.errors).toBeUndefined();
    expect(first.data.submitProgressReport).toMatchObject({
      percent: 40,
      late: false,
      task: { status: 'IN_PROGRESS', version: 2 },
    });
    await expectRefused(REPORT, { input: reportInput(task.id, { percent: 50 }) }, actingFor(finance), {
      field: 'input.period',
      rule: 'unique',
    });
  });

  it('refuses a percent going backwards without a reason, and takes it with one', async () => {
    const task = await createTask();
    expect(
      (
        await reform.query<any>(
          REPORT,
          { input: reportInput(task.id, { period: lastMonth, percent: 60 }) },
          actingFor(finance),
        )
      ).errors,
    ).toBeUndefined();
    await expectRefused(REPORT, { input: reportInput(task.id, { percent: 50 }) }, actingFor(finance), {
      field: 'input.percent',
      rule: 'regression-reason',
    });
    const withReason = await reform.query<any>(
      REPORT,
      { input: reportInput(task.id, { percent: 50, regressionReason: '上级政策调整，部分工作需重做' }) },
      actingFor(finance),
    );
    expect(withReason.errors).toBeUndefined();
  });

  it('takes quarterly reports only for key tasks linked to a county leader', async () => {
    const task = await createTask({ keyTask: false, leaderId: null });
    await expectRefused(
      REPORT,
      { input: reportInput(task.id, { period: `${year}-Q1` }) },
      actingFor(finance),
      {
        field: 'input.period',
        rule: 'quarterly-key-task',
      },
    );
  });
});

describe('supervision orders and closing', () => {
  it('refuses an order for a task that is not lagging', async () => {
    // starting today: nothing is due yet on the time-proportional schedule
    const task = await createTask({ plannedStart: today });
    await expectRefused(
      ISSUE,
      { input: { taskId: task.id, reason: '进度滞后', deadline: isoDate(year + 1, 1, 31) } },
      reformOffice,
      { field: 'input.taskId', rule: 'lagging' },
    );
  });

  it('closes a task only when completed, every milestone done and every order rectified', async () => {
    const task = await createTask({ plannedStart: isoDate(year - 1, 1, 1) });
    const scheduled = await withMilestones(task, [
      { title: '方案', plannedDate: isoDate(year - 1, 3, 31), share: 40 },
      { title: '落实', plannedDate: isoDate(year - 1, 9, 30), share: 60 },
    ]);
    await expectRefused(CLOSE, { id: task.id, version: scheduled.version }, reformOffice, {
      field: 'id',
      rule: 'completed',
    });

    const issued = await reform.query<any>(
      ISSUE,
      { input: { taskId: task.id, reason: '两个节点均已逾期', deadline: isoDate(year + 1, 1, 31) } },
      reformOffice,
    );
    expect(issued.errors).toBeUndefined();
    const orderId = issued.data.issueSupervisionOrder.id;

    // 100% without marking the milestones done: completed, but not closable
    const report = await reform.query<any>(
      REPORT,
      { input: reportInput(task.id, { percent: 100 }) },
      actingFor(finance),
    );
    expect(report.data.submitProgressReport.task.status).toBe('COMPLETED');
    const version = report.data.submitProgressReport.task.version;
    await expectRefused(CLOSE, { id: task.id, version }, reformOffice, {
      field: 'id',
      rule: 'milestones-done',
    });

    const done = await reform.query<any>(
      REPORT,
      {
        input: reportInput(task.id, {
          period: `${year}-Q${Math.ceil(month / 3)}`,
          percent: 100,
          completedMilestoneIds: scheduled.milestones.map((m: { id: string }) => m.id),
        }),
      },
      actingFor(finance),
    );
    expect(done.errors).toBeUndefined();
    await expectRefused(CLOSE, { id: task.id, version }, reformOffice, {
      field: 'id',
      rule: 'supervision-rectified',
    });

    await expectRefused(RECTIFY, { id: orderId }, reformOffice, { field: 'id', rule: 'status' });
    await expectRefused(
      ANSWER,
      { id: orderId, input: { causeAnalysis: '协调不畅', measures: '周调度' } },
      actingFor(department('audit')),
      { code: 'FORBIDDEN' },
    );
    expect(
      (
        await reform.query<any>(
          ANSWER,
          { id: orderId, input: { causeAnalysis: '协调不畅', measures: '周调度' } },
          actingFor(finance),
        )
      ).data.answerSupervisionOrder.status,
    ).toBe('ANSWERED');
    expect(
      (await reform.query<any>(RECTIFY, { id: orderId }, reformOffice)).data.rectifySupervisionOrder.status,
    ).toBe('RECTIFIED');

    await expectRefused(CLOSE, { id: task.id, version: version - 1 }, reformOffice, {
      code: 'CONFLICT',
      field: 'version',
    });
    const closed = await reform.query<any>(CLOSE, { id: task.id, version }, reformOffice);
    expect(closed.errors).toBeUndefined();
    expect(closed.data.closeReformTask.status).toBe('CLOSED');
    await expectRefused(REPORT, { input: reportInput(task.id, { period: lastMonth }) }, actingFor(finance), {
      field: 'input.taskId',
      rule: 'closed',
    });
  });
});
