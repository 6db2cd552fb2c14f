import { chinaDay as todayInChina } from '@county/domain';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { postGraphQL, startTestGateway, type TestGateway, type TestSubgraph } from '@county/test-kit';
import { countyLeader, department, startReform } from './fixtures';

/**
 * The reform office's writes through the gateway: the problem list (三本账), the assessments behind the
 * results board (问效榜), and milestone changes as individual audited writes.
 */
let people: TestSubgraph;
let reform: TestSubgraph;
let gateway: TestGateway;
let groupId: string;
let taskId: string;
const finance = department('finance');
const audit = department('audit');
const today = todayInChina();
const [year] = today.split('-').map(Number);

const caller = (...roles: string[]) => ({ claims: { sub: `test-${roles.join('+')}`, roles } });
const reformOffice = caller('reform-office');
const financeClerk = caller(`department:${finance}`);
const leader = caller('leader');

beforeAll(async () => {
  ({ people, reform } = await startReform());
  gateway = await startTestGateway([people, reform]);
  const groups = await gateway.query<any>('{ specialGroups { id } }', {}, reformOffice);
  groupId = groups.data.specialGroups[0].id;
  taskId = (await createTask('OW-1')).id;
});
afterAll(async () => {
  await gateway?.stop();
  await reform?.close();
  await people?.close();
});

const sql = async <T = any>(text: string, params: unknown[] = []): Promise<T[]> =>
  reform.orm.em.fork().getConnection().execute(text, params);

/** The rows and versions a refused write must leave as they were. */
const snapshot = async () =>
  (
    await sql(
      `select (select count(*) from problem) problems, (select sum(version) from problem) problem_versions,
         (select count(*) from assessment) assessments, (select sum(version) from assessment) assessment_versions,
         (select count(*) from milestone) milestones, (select sum(version) from reform_task) task_versions,
         (select count(*) from audit_record) audits`,
    )
  )[0];

async function expectRefused(
  query: string,
  variables: Record<string, unknown>,
  who: { claims: object },
  expected: { code?: string; field?: string; rule?: string },
) {
  const before = await snapshot();
  const result = await gateway.query<any>(query, variables, who as never);
  expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', ...expected });
  expect(result.errors?.[0]?.message).not.toMatch(/Invalid input|insert|select/);
  expect(await snapshot()).toEqual(before);
}

async function createTask(code: string) {
  const result = await gateway.query<any>(
    `mutation ($input: CreateReformTaskInput!) { createReformTask(input: $input) { id version } }`,
    {
      input: {
        code,
        title: '基层治理改革',
        year,
        specialGroupId: groupId,
        source: 'ASSIGNED',
        goal: '年底前完成',
        leadOrganizationId: finance,
        cooperatingOrganizationIds: [],
        regionCode: DEMO_COUNTY_CODE,
        keyTask: false,
        plannedStart: `${year}-01-01`,
        plannedEnd: `${year}-12-31`,
      },
    },
    reformOffice,
  );
  expect(result.errors).toBeUndefined();
  return result.data.createReformTask;
}

describe('problem list (三本账)', () => {
  const CREATE = `mutation ($input: CreateProblemInput!) { createProblem(input: $input) {
    id account number status deadline resolvedOn version foundByPerson { id } tasks { id } } }`;
  const UPDATE = `mutation ($id: ID!, $input: UpdateProblemInput!) { updateProblem(id: $id, input: $input) { id status deadline version } }`;
  const CLOSE = `mutation ($id: ID!, $version: Int!) { closeProblem(id: $id, version: $version) { id status resolvedOn version } }`;
  const leaderProblem = (overrides: Record<string, unknown> = {}) => ({
    account: 'LEADER',
    description: '村级债务底数不清',
    foundByPersonId: countyLeader.id,
    regionCode: DEMO_COUNTY_CODE,
    foundOn: '2020-03-01',
    deadline: '2020-06-30',
    taskIds: [taskId],
    ...overrides,
  });
  let problem: any;

  it('the reform office enters a problem on an account: the next number, linked to its task, audited', async () => {
    const result = await gateway.query<any>(CREATE, { input: leaderProblem() }, reformOffice);
    expect(result.errors).toBeUndefined();
    problem = result.data.createProblem;
    // the demo's leader account holds 99
    expect(problem).toMatchObject({
      account: 'LEADER',
      number: 100,
      status: 'OPEN',
      deadline: '2020-06-30',
      resolvedOn: null,
      version: 1,
      foundByPerson: { id: countyLeader.id },
      tasks: [{ id: taskId }],
    });
    const [record] = await sql(
      `select operation, subject from audit_record where entity = 'Problem' and entity_id = ?`,
      [problem.id],
    );
    expect(record).toEqual({ operation: 'create', subject: 'test-reform-office' });
    const list = await gateway.query<any>(
      `{ problems(account: LEADER, first: 1, after: "${Buffer.from(JSON.stringify([99, 'ffffffff-ffff-4fff-bfff-ffffffffffff'])).toString('base64url')}") { nodes { id } } }`,
      {},
      leader,
    );
    expect(list.data.problems.nodes).toEqual([{ id: problem.id }]);
  });

  it.each([
    [
      'a department problem with no department',
      { account: 'DEPARTMENT', foundByPersonId: null },
      'input.foundByOrganizationId',
      'required',
    ],
    ['a deadline before it was found', { deadline: '2020-01-01' }, 'input.deadline', 'order'],
    [
      'a problem entered as already resolved',
      { status: 'RESOLVED' },
      'input.status',
      'close-with-closeProblem',
    ],
    [
      'a task that does not exist',
      { taskIds: ['00000000-0000-4000-8000-000000000000'] },
      'input.taskIds',
      'exists',
    ],
    [
      'a township problem found by a department',
      { account: 'TOWNSHIP', foundByPersonId: null, foundByOrganizationId: finance },
      'input.foundByOrganizationId',
      'township',
    ],
    [
      'a leader problem found by someone who is not a county leader',
      { foundByPersonId: '00000000-0000-4000-8000-000000000000' },
      'input.foundByPersonId',
      'exists',
    ],
    ['a found date in the future', { foundOn: '2100-01-01', deadline: null }, 'input.foundOn', 'not-future'],
  ])('refuses %s, naming the field and rule, and changes nothing', async (_, overrides, field, rule) => {
    await expectRefused(CREATE, { input: leaderProblem(overrides) }, reformOffice, { field, rule });
  });

  it('a create retried with the same Idempotency-Key enters the problem once', async () => {
    const headers = {
      authorization: `Bearer ${await gateway.token(reformOffice.claims)}`,
      'idempotency-key': 'problem-retry-0001',
    };
    const input = leaderProblem({ description: '重复提交测试' });
    const first = await postGraphQL<any>(`${gateway.url}/graphql`, CREATE, { input }, headers);
    const retry = await postGraphQL<any>(`${gateway.url}/graphql`, CREATE, { input }, headers);
    expect(first.errors).toBeUndefined();
    expect(retry.data).toEqual(first.data);
    const [{ n }] = await sql(`select count(*)::int as n from problem where description = '重复提交测试'`);
    expect(n).toBe(1);
  });

  it('only the reform office keeps the list', async () => {
    for (const who of [financeClerk, leader]) {
      const before = await snapshot();
      const result = await gateway.query<any>(CREATE, { input: leaderProblem() }, who);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const refused = await gateway.query<any>(CLOSE, { id: problem.id, version: 1 }, who);
      expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(await snapshot()).toEqual(before);
    }
  });

  it('updates at the version read (a stale one is a CONFLICT), then closes it; a closed problem no longer changes', async () => {
    const updated = await gateway.query<any>(
      UPDATE,
      { id: problem.id, input: { version: 1, status: 'IN_PROGRESS', deadline: '2020-09-30' } },
      reformOffice,
    );
    expect(updated.errors).toBeUndefined();
    expect(updated.data.updateProblem).toMatchObject({
      status: 'IN_PROGRESS',
      deadline: '2020-09-30',
      version: 2,
    });
    const [change] = await sql(
      `select before, after from audit_record where entity = 'Problem' and entity_id = ? and operation = 'update'`,
      [problem.id],
    );
    expect(change.before).toMatchObject({ status: 'OPEN', deadline: '2020-06-30' });
    expect(change.after).toMatchObject({ status: 'IN_PROGRESS', deadline: '2020-09-30' });

    const before = await snapshot();
    const stale = await gateway.query<any>(
      UPDATE,
      { id: problem.id, input: { version: 1, deadline: '2020-12-31' } },
      reformOffice,
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'input.version',
      currentVersion: 2,
    });
    expect(await snapshot()).toEqual(before);
    await expectRefused(
      UPDATE,
      { id: problem.id, input: { version: 2, deadline: '2019-12-31' } },
      reformOffice,
      { field: 'input.deadline', rule: 'order' },
    );

    const closed = await gateway.query<any>(CLOSE, { id: problem.id, version: 2 }, reformOffice);
    expect(closed.errors).toBeUndefined();
    expect(closed.data.closeProblem).toMatchObject({ status: 'RESOLVED', resolvedOn: today, version: 3 });
    await expectRefused(
      UPDATE,
      { id: problem.id, input: { version: 3, description: '再议' } },
      reformOffice,
      { field: 'id', rule: 'closed' },
    );
  });
  it('null clears the deadline (audited as a change to null); null for a field a problem requires is refused', async () => {
    const created = await gateway.query<any>(CREATE, { input: leaderProblem() }, reformOffice);
    expect(created.errors).toBeUndefined();
    const { id } = created.data.createProblem;
    const before = await snapshot();
    const refused = await gateway.query<any>(
      UPDATE,
      { id, input: { version: 1, description: null } },
      reformOffice,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.description',
      rule: 'required',
    });
    expect(refused.errors?.[0]?.message).toMatch(/cannot be cleared/);
    expect(await snapshot()).toEqual(before);

    const cleared = await gateway.query<any>(
      UPDATE,
      { id, input: { version: 1, deadline: null } },
      reformOffice,
    );
    expect(cleared.errors).toBeUndefined();
    expect(cleared.data.updateProblem).toMatchObject({ deadline: null, version: 2 });
    const [change] = await sql(
      `select before, after from audit_record where entity = 'Problem' and entity_id = ? and operation = 'update'`,
      [id],
    );
    expect(change.before).toMatchObject({ deadline: '2020-06-30' });
    expect(change.after).toMatchObject({ deadline: null });
  });
});

describe('assessments and the results board (问效榜)', () => {
  const RECORD = `mutation ($input: RecordAssessmentInput!) { recordAssessment(input: $input) { id total version organization { id } } }`;
  const CORRECT = `mutation ($id: ID!, $version: Int!, $scores: [IndicatorScoreInput!]!) { correctAssessment(id: $id, version: $version, scores: $scores) { id total version } }`;
  // the demo assesses 2017–2020: this year's board holds only what is entered here
  const BOARD = `{ resultsBoard(year: ${year}) { rank total organization { id } } }`;
  const scores = (first: number, second: number) => [
    { indicator: '改革任务完成情况', weight: 60, score: first },
    { indicator: '改革创新成效', weight: 40, score: second },
  ];
  let financeAssessment: any;

  it('enters scores per organisation and year; the board ranks them at once', async () => {
    const first = await gateway.query<any>(
      RECORD,
      { input: { organizationId: finance, year, scores: scores(80, 90) } },
      reformOffice,
    );
    expect(first.errors).toBeUndefined();
    financeAssessment = first.data.recordAssessment;
    expect(financeAssessment).toMatchObject({ total: 84, version: 1, organization: { id: finance } });
    const second = await gateway.query<any>(
      RECORD,
      { input: { organizationId: audit, year, scores: scores(90, 90) } },
      reformOffice,
    );
    expect(second.errors).toBeUndefined();
    const board = await gateway.query<any>(BOARD, {}, leader);
    expect(board.data.resultsBoard).toEqual([
      { rank: 1, total: 90, organization: { id: audit } },
      { rank: 2, total: 84, organization: { id: finance } },
    ]);
  });

  it('a correction at the version read moves the board; a stale one is a CONFLICT', async () => {
    const corrected = await gateway.query<any>(
      CORRECT,
      { id: financeAssessment.id, version: 1, scores: scores(100, 95) },
      reformOffice,
    );
    expect(corrected.errors).toBeUndefined();
    expect(corrected.data.correctAssessment).toMatchObject({ total: 98, version: 2 });
    const [change] = await sql(
      `select before, after from audit_record where entity = 'Assessment' and operation = 'update' and entity_id = ?`,
      [financeAssessment.id],
    );
    expect(change.before.total).toBe(84);
    expect(change.after.total).toBe(98);
    const board = await gateway.query<any>(BOARD, {}, leader);
    expect(board.data.resultsBoard.map((e: any) => [e.rank, e.organization.id])).toEqual([
      [1, finance],
      [2, audit],
    ]);
    const before = await snapshot();
    const stale = await gateway.query<any>(
      CORRECT,
      { id: financeAssessment.id, version: 1, scores: scores(10, 10) },
      reformOffice,
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'CONFLICT', field: 'version' });
    expect(await snapshot()).toEqual(before);
  });

  it.each([
    [
      'weights that do not total 100',
      { scores: [{ indicator: '改革任务完成情况', weight: 60, score: 80 }] },
      'input.scores',
      'weight-total',
    ],
    ['a score above 100', { scores: scores(120, 90) }, 'input.scores.0.score', 'max'],
    ['a second assessment of the same year', { organizationId: finance }, 'input.organizationId', 'unique'],
    [
      'an organisation the directory lacks',
      { organizationId: '00000000-0000-4000-8000-000000000000' },
      'input.organizationId',
      'exists',
    ],
    ['a year out of range', { year: 1990 }, 'input.year', 'min'],
  ])('refuses %s, naming the field and rule, and changes nothing', async (_, overrides, field, rule) => {
    await expectRefused(
      RECORD,
      { input: { organizationId: department('inspection'), year, scores: scores(70, 70), ...overrides } },
      reformOffice,
      { field, rule },
    );
  });

  it('only the reform office enters or corrects scores', async () => {
    const before = await snapshot();
    for (const who of [financeClerk, leader]) {
      const entered = await gateway.query<any>(
        RECORD,
        { input: { organizationId: department('inspection'), year, scores: scores(70, 70) } },
        who,
      );
      expect(entered.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      const corrected = await gateway.query<any>(
        CORRECT,
        { id: financeAssessment.id, version: 2, scores: scores(0, 0) },
        who,
      );
      expect(corrected.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    expect(await snapshot()).toEqual(before);
  });
});

describe('milestones: individual audited writes', () => {
  const SET = `mutation ($id: ID!, $version: Int!, $m: [MilestoneInput!]!) { setReformTaskMilestones(taskId: $id, version: $version, milestones: $m) {
    version milestones { id title share } } }`;
  let task: { id: string; version: number };
  let kept: { id: string };
  let dropped: { id: string };

  beforeAll(async () => {
    task = await createTask('OW-2');
    const result = await gateway.query<any>(
      SET,
      {
        id: task.id,
        version: task.version,
        m: [
          { title: '制定方案', plannedDate: `${year}-03-31`, share: 30 },
          { title: '组织实施', plannedDate: `${year}-11-30`, share: 70 },
        ],
      },
      reformOffice,
    );
    expect(result.errors).toBeUndefined();
    task.version = result.data.setReformTaskMilestones.version;
    [dropped, kept] = result.data.setReformTaskMilestones.milestones;
  });

  it('a milestone left out is taken off the schedule as an audited change, not deleted; a kept one is changed in place', async () => {
    const result = await gateway.query<any>(
      SET,
      {
        id: task.id,
        version: task.version,
        m: [{ id: kept.id, title: '组织实施并验收', plannedDate: `${year}-11-30`, share: 100 }],
      },
      reformOffice,
    );
    expect(result.errors).toBeUndefined();
    expect(result.data.setReformTaskMilestones.milestones).toEqual([
      { id: kept.id, title: '组织实施并验收', share: 100 },
    ]);
    const trail = await sql(
      `select entity_id, operation, before, after from audit_record where entity = 'Milestone' and entity_id in (?, ?) order by seq`,
      [dropped.id, kept.id],
    );
    // taken off the schedule, not deleted: the trail holds the day it went, the row stays on record
    const removal = trail.find((r) => r.entity_id === dropped.id && r.operation === 'update');
    expect(removal).toMatchObject({ before: { removedOn: null }, after: { removedOn: today } });
    expect(trail.some((r) => r.operation === 'delete')).toBe(false);
    const [row] = await sql(`select title, share, removed_on::text from milestone where id = ?`, [
      dropped.id,
    ]);
    expect(row).toEqual({ title: '制定方案', share: 30, removed_on: today });
    const change = trail.find((r) => r.entity_id === kept.id && r.operation === 'update');
    expect(change).toMatchObject({
      before: { title: '组织实施', share: 70 },
      after: { title: '组织实施并验收', share: 100 },
    });
    task.version = result.data.setReformTaskMilestones.version;
  });

  it('refuses a milestone id of another task, naming it, and changes nothing', async () => {
    const other = await createTask('OW-3');
    const foreign = await gateway.query<any>(
      SET,
      {
        id: other.id,
        version: other.version,
        m: [{ title: '方案', plannedDate: `${year}-05-31`, share: 50 }],
      },
      reformOffice,
    );
    const foreignId = foreign.data.setReformTaskMilestones.milestones[0].id;
    await expectRefused(
      SET,
      {
        id: task.id,
        version: task.version,
        m: [{ id: foreignId, title: '方案', plannedDate: `${year}-05-31`, share: 50 }],
      },
      reformOffice,
      {
        field: 'milestones.0.id',
        rule: 'exists',
      },
    );
    await expectRefused(
      SET,
      {
        id: task.id,
        version: task.version,
        m: [
          { id: kept.id, title: 'A', plannedDate: `${year}-05-31`, share: 10 },
          { id: kept.id, title: 'B', plannedDate: `${year}-06-30`, share: 10 },
        ],
      },
      reformOffice,
      { field: 'milestones.1.id', rule: 'distinct' },
    );
  });

  it('only the reform office changes a schedule', async () => {
    const before = await snapshot();
    const result = await gateway.query<any>(SET, { id: task.id, version: task.version, m: [] }, financeClerk);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);
  });
});
