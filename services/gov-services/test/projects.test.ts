import { chinaDay, creditCodeCheckChar, PersonRole } from '@county/domain';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { postGraphQL, startTestGateway, type TestGateway, type TestSubgraph } from '@county/test-kit';
import { city, countyCentre, items, ok, startFixtures, townshipCentre } from './fixtures';

/* 投资项目审批全流程代办 through the gateway: projects, their steps across departments, the figures on Region. */
let people: TestSubgraph;
let gov: TestSubgraph;
let gateway: TestGateway;

const claims = (sub: string, ...roles: string[]) => ({ claims: { sub, roles } as any });
const bureau = claims('bureau', `department:${countyCentre.organization_id}`);
const leader = claims('leader', 'leader');
const item = (name: string) => items.find((i) => i.name === name)!;
const filing = item('企业投资项目备案');
const landPlanning = item('建设用地规划许可');
const permit = item('建筑工程施工许可');
const landStaff = claims('land', `department:${landPlanning.responsible_organization_id}`);
const housingStaff = claims('housing', `department:${permit.responsible_organization_id}`);
const countyPeople = city.people.filter((p) => p.organizationId === countyCentre.organization_id);
const agent = countyPeople.find((p) => p.roles.includes(PersonRole.PROXY_AGENT))!;
const notAgent = countyPeople.find((p) => !p.roles.includes(PersonRole.PROXY_AGENT))!;

beforeAll(async () => {
  ({ people, gov } = await startFixtures());
  gateway = await startTestGateway([people, gov]);
}, 90_000);
afterAll(async () => {
  await gateway.stop();
  await gov.close();
  await people.close();
});

const PROJECT = `id code version stage kind major targetDays registeredOn earlyInvolvementOn earlyInvolvement
  firstSubmittedOn approvedOn totalWorkingDays late withinTarget calendarProvisional proxyAgent { id }
  region { code } steps { id version submittedOn approvedOn limitDays dueOn workingDays onTime late
  item { id } organization { id } serviceCase { id status workingDays result } }`;
const REGISTER = `mutation ($input: RegisterInvestmentProjectInput!) { registerInvestmentProject(input: $input) { ${PROJECT} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateInvestmentProjectInput!) { updateInvestmentProject(id: $id, input: $input) { ${PROJECT} } }`;
const SUBMIT = `mutation ($id: ID!, $input: SubmitApprovalStepInput!) { submitApprovalStep(projectId: $id, input: $input) { id version submittedOn limitDays dueOn serviceCase { id } } }`;
const CASE = `mutation ($input: RegisterCaseInput!) { registerCase(input: $input) { id } }`;
const EVENT = `mutation ($id: ID!, $input: CaseEventInput!) { recordCaseEvent(caseId: $id, input: $input) { id } }`;
const APPROVE = `mutation ($id: ID!, $input: ApproveApprovalStepInput!) { approveApprovalStep(stepId: $id, input: $input) { id version workingDays onTime late } }`;
const READ = `query ($id: ID!) { investmentProject(id: $id) { ${PROJECT} } }`;

/** The test enterprise's GB 32100 code, its check character computed. */
const FIRST_17 = `91${DEMO_COUNTY_CODE}MA1MX7B2K`;
const creditCode = FIRST_17 + creditCodeCheckChar(FIRST_17);
const wrongCheck = FIRST_17 + (creditCode.endsWith('0') ? '1' : '0');

let code = 0;
const projectInput = (extra: Record<string, unknown> = {}) => ({
  code: `2024-${DEMO_COUNTY_CODE}-T${String(++code).padStart(3, '0')}`,
  name: '智能装备制造项目',
  regionCode: townshipCentre.region_code,
  enterpriseName: '长龄物贸有限公司',
  enterpriseCreditCode: creditCode,
  kind: 'INDUSTRIAL',
  investment: 120_000,
  major: true,
  registeredOn: '2024-08-20',
  earlyInvolvementOn: '2024-08-26',
  proxyAgentId: agent.id,
  ...extra,
});
const register = async (extra: Record<string, unknown> = {}) =>
  (await ok(gateway.query(REGISTER, { input: projectInput(extra) }, bureau))).registerInvestmentProject;
/**
 * The project window's case for one item, received and accepted (受理) on `day` at the county centre, carried
 * by the project's proxy agent: what a step is made of.
 */
async function acceptedCase(itemId: string, day: string): Promise<string> {
  const { registerCase } = await ok(
    gateway.query(
      CASE,
      {
        input: {
          itemId,
          centreId: countyCentre.id,
          channel: 'PROXY',
          applicantKind: 'ENTERPRISE',
          proxyAgentId: agent.id,
          receivedAt: `${day}T09:00:00+08:00`,
        },
      },
      bureau,
    ),
  );
  await ok(
    gateway.query(
      EVENT,
      { id: registerCase.id, input: { kind: 'ACCEPTED', at: `${day}T09:30:00+08:00` } },
      bureau,
    ),
  );
  return registerCase.id;
}
const submitCase = async (projectId: string, version: number, itemId: string, day: string) =>
  (
    await ok(
      gateway.query(
        SUBMIT,
        { id: projectId, input: { version, caseId: await acceptedCase(itemId, day) } },
        bureau,
      ),
    )
  ).submitApprovalStep;
const read = async (id: string) => (await ok(gateway.query(READ, { id }, leader))).investmentProject;

const snapshot = async () =>
  (
    await gov.orm.em
      .fork()
      .getConnection()
      .execute(
        `select (select json_agg(p order by id) from investment_project p) projects,
          (select json_agg(s order by id) from approval_step s) steps,
          (select json_agg(c order by id) from service_case c) cases,
          (select count(*)::int from case_event) events,
          (select count(*)::int from audit_record) audit`,
      )
  )[0];

async function refused(pending: Promise<{ errors?: any[] }>, code: string, field?: string, rule?: string) {
  const before = await snapshot();
  const { errors } = await pending;
  expect(errors?.[0]?.extensions).toMatchObject({
    code,
    ...(field ? { field } : {}),
    ...(rule ? { rule } : {}),
  });
  expect(await snapshot()).toEqual(before);
}

describe('an investment project approved across departments', () => {
  it('counts working days across the National Day holiday (and its make-up Sundays), and is late when a step exceeds its limit', async () => {
    const project = await register({ enterpriseCreditCode: creditCode });
    expect(project).toMatchObject({
      stage: 'PRE_APPLICATION',
      targetDays: 40,
      earlyInvolvement: true,
      proxyAgent: { id: agent.id },
      region: { code: townshipCentre.region_code },
      totalWorkingDays: null,
      late: false,
      steps: [],
    });
    // Friday 27 September 2024: two cases accepted the same day (并联), each the step of its item
    const first = await submitCase(project.id, 1, filing.id, '2024-09-27');
    expect(first).toMatchObject({ submittedOn: '2024-09-27', limitDays: 3, dueOn: '2024-10-08' }); // 29 Sep (worked), 30 Sep, 8 Oct
    expect(first.serviceCase.id).toEqual(expect.any(String));
    const second = await submitCase(project.id, 2, landPlanning.id, '2024-09-27');
    expect(second.limitDays).toBe(20);
    expect(second.dueOn).toBe('2024-10-30');

    // approved on Wednesday 9 October: 12 calendar days, 4 working days (29 Sep, 30 Sep, 8 Oct, 9 Oct)
    const approved = (
      await ok(
        gateway.query(APPROVE, { id: first.id, input: { version: 1, approvedOn: '2024-10-09' } }, bureau),
      )
    ).approveApprovalStep;
    expect(approved).toMatchObject({ workingDays: 4, onTime: false, late: true });
    const halfway = await read(project.id);
    expect(halfway.stage).toBe('IN_APPROVAL');
    // the step's case is completed as approved, its working days counted by the case on the same calendar
    expect(halfway.steps.find((s: any) => s.id === first.id).serviceCase).toMatchObject({
      id: first.serviceCase.id,
      status: 'COMPLETED',
      result: 'APPROVED',
      workingDays: 4,
    });

    // the land department approves its own step one working day past its limit
    const landApproved = (
      await ok(
        gateway.query(APPROVE, { id: second.id, input: { version: 1, approvedOn: '2024-10-31' } }, landStaff),
      )
    ).approveApprovalStep;
    expect(landApproved).toMatchObject({ workingDays: 21, onTime: false, late: true });
    expect(await read(project.id)).toMatchObject({
      stage: 'APPROVED',
      firstSubmittedOn: '2024-09-27',
      approvedOn: '2024-10-31',
      totalWorkingDays: 21,
      late: true,
      withinTarget: true,
      calendarProvisional: false,
    });
    // both submitted the same day: only the one approved last is on the critical path
    const path = (
      await ok(
        gateway.query(`{ investmentProject(id: "${project.id}") { criticalPath { id } } }`, {}, leader),
      )
    ).investmentProject.criticalPath;
    expect(path).toEqual([{ id: second.id }]);
  });

  it('assigns a proxy agent and records early involvement, never after the first submission', async () => {
    const project = await register({
      enterpriseCreditCode: creditCode,
      earlyInvolvementOn: null,
      proxyAgentId: null,
      major: false,
      kind: 'SERVICES',
    });
    expect(project).toMatchObject({ earlyInvolvement: false, proxyAgent: null, targetDays: null });
    await submitCase(project.id, 1, permit.id, '2024-09-02');
    await refused(
      gateway.query(
        UPDATE,
        { id: project.id, input: { version: 2, earlyInvolvementOn: '2024-09-03' } },
        bureau,
      ),
      'BAD_USER_INPUT',
      'input.earlyInvolvementOn',
      'before-application',
    );
    const { updateInvestmentProject } = await ok(
      gateway.query(
        UPDATE,
        { id: project.id, input: { version: 2, earlyInvolvementOn: '2024-08-30', proxyAgentId: agent.id } },
        bureau,
      ),
    );
    expect(updateInvestmentProject).toMatchObject({
      earlyInvolvementOn: '2024-08-30',
      proxyAgent: { id: agent.id },
      version: 3,
    });
    // a step waiting past its due day makes the project late while still in approval
    expect(updateInvestmentProject).toMatchObject({ stage: 'IN_APPROVAL', late: true });
  });

  it('null clears a proxy agent, early involvement or target recorded by mistake; the audit trail keeps the change', async () => {
    const project = await register({ targetDays: 30 });
    const { updateInvestmentProject } = await ok(
      gateway.query(
        UPDATE,
        {
          id: project.id,
          input: { version: 1, proxyAgentId: null, earlyInvolvementOn: null, targetDays: null },
        },
        bureau,
      ),
    );
    expect(updateInvestmentProject).toMatchObject({
      proxyAgent: null,
      earlyInvolvementOn: null,
      earlyInvolvement: false,
      targetDays: null,
      version: 2,
    });
    const { investmentProject } = await ok(gateway.query(READ, { id: project.id }, bureau));
    expect(investmentProject).toMatchObject({ proxyAgent: null, earlyInvolvementOn: null, targetDays: null });
    const [change] = await gov.orm.em
      .fork()
      .getConnection()
      .execute(
        `select before, after from audit_record where entity = 'InvestmentProject' and entity_id = ? and operation = 'update'`,
        [project.id],
      );
    expect(change.before).toMatchObject({
      proxyAgentId: agent.id,
      earlyInvolvementOn: '2024-08-26',
      targetDays: 30,
    });
    expect(change.after).toMatchObject({ proxyAgentId: null, earlyInvolvementOn: null, targetDays: null });
  });

  it('refuses bad projects and steps, naming field and rule, changing nothing', async () => {
    await refused(
      gateway.query(REGISTER, { input: projectInput({ enterpriseCreditCode: wrongCheck }) }, bureau),
      'BAD_USER_INPUT',
      'input.enterpriseCreditCode',
      'check-character',
    );
    await refused(
      gateway.query(
        REGISTER,
        { input: projectInput({ enterpriseCreditCode: creditCode, proxyAgentId: notAgent.id }) },
        bureau,
      ),
      'BAD_USER_INPUT',
      'input.proxyAgentId',
      'proxy-agent',
    );
    await refused(
      gateway.query(
        REGISTER,
        { input: projectInput({ enterpriseCreditCode: creditCode, regionCode: DEMO_COUNTY_CODE }) },
        bureau,
      ),
      'BAD_USER_INPUT',
      'input.regionCode',
      'township-or-village',
    );
    await refused(
      gateway.query(
        REGISTER,
        {
          input: projectInput({
            enterpriseCreditCode: creditCode,
            registeredOn: chinaDay(new Date(Date.now() + 3 * 86_400_000)),
          }),
        },
        bureau,
      ),
      'BAD_USER_INPUT',
      'input.registeredOn',
      'not-future',
    );
    await refused(
      gateway.query(
        REGISTER,
        { input: projectInput({ enterpriseCreditCode: creditCode, investment: 0 }) },
        bureau,
      ),
      'BAD_USER_INPUT',
      'input.investment',
      'min',
    );
    const project = await register({ enterpriseCreditCode: creditCode });
    // cases the window took first: a refused step leaves them, and every other row, as they were
    const beforeEarlyInvolvement = await acceptedCase(filing.id, '2024-08-21');
    const filingCase = await acceptedCase(filing.id, '2024-09-02');
    const secondFilingCase = await acceptedCase(filing.id, '2024-09-03');
    const { registerCase: received } = await ok(
      gateway.query(
        CASE,
        {
          input: {
            itemId: landPlanning.id,
            centreId: countyCentre.id,
            channel: 'WINDOW',
            applicantKind: 'ENTERPRISE',
            receivedAt: '2024-09-02T10:00:00+08:00',
          },
        },
        bureau,
      ),
    );
    const submit = (caseId: string | undefined, extra: Record<string, unknown> = {}) => ({
      id: project.id,
      input: { version: 1, caseId, ...extra },
    });
    await refused(
      gateway.query(SUBMIT, submit(undefined), bureau),
      'BAD_USER_INPUT',
      'input.caseId',
      'required',
    );
    await refused(
      gateway.query(SUBMIT, submit(crypto.randomUUID()), bureau),
      'BAD_USER_INPUT',
      'input.caseId',
      'exists',
    );
    await refused(
      gateway.query(SUBMIT, submit(beforeEarlyInvolvement), bureau),
      'BAD_USER_INPUT',
      'input.caseId',
      'after-early-involvement',
    );
    await refused(
      gateway.query(SUBMIT, submit(received.id), bureau),
      'BAD_USER_INPUT',
      'input.caseId',
      'accepted',
    );
    await refused(
      gateway.query(SUBMIT, submit(filingCase, { itemId: landPlanning.id }), bureau),
      'BAD_USER_INPUT',
      'input.itemId',
      'case-item',
    );
    await refused(
      gateway.query(SUBMIT, submit(filingCase, { submittedOn: '2024-09-03' }), bureau),
      'BAD_USER_INPUT',
      'input.submittedOn',
      'case-accepted',
    );
    await refused(
      gateway.query(SUBMIT, submit(filingCase, { version: 9 }), bureau),
      'CONFLICT',
      'input.version',
    );
    const step = (
      await ok(
        gateway.query(SUBMIT, submit(filingCase, { itemId: filing.id, submittedOn: '2024-09-02' }), bureau),
      )
    ).submitApprovalStep;
    expect(step).toMatchObject({ submittedOn: '2024-09-02', serviceCase: { id: filingCase } });
    await refused(
      gateway.query(SUBMIT, submit(secondFilingCase, { version: 2 }), bureau),
      'BAD_USER_INPUT',
      'input.caseId',
      'unique',
    );
    const other = await register({ enterpriseCreditCode: creditCode });
    await refused(
      gateway.query(SUBMIT, { id: other.id, input: { version: 1, caseId: filingCase } }, bureau),
      'BAD_USER_INPUT',
      'input.caseId',
      'linked',
    );
    await refused(
      gateway.query(APPROVE, { id: step.id, input: { version: 1, approvedOn: '2024-08-30' } }, bureau),
      'BAD_USER_INPUT',
      'input.approvedOn',
      'after-submission',
    );
    // a case under expert review (特别程序) is not decided until it resumes
    await ok(
      gateway.query(
        EVENT,
        {
          id: filingCase,
          input: { kind: 'SUSPENDED', at: '2024-09-03T10:00:00+08:00', reason: 'EXPERT_REVIEW' },
        },
        bureau,
      ),
    );
    await refused(
      gateway.query(APPROVE, { id: step.id, input: { version: 1, approvedOn: '2024-09-05' } }, bureau),
      'BAD_USER_INPUT',
      'stepId',
      'suspended',
    );
  });

  it('counts a step by its case, net of the case’s suspension, and the project’s total without the days its clock stood still', async () => {
    const project = await register({
      enterpriseCreditCode: creditCode,
      registeredOn: '2024-10-20',
      earlyInvolvementOn: '2024-10-28',
    });
    // Monday 4 November 2024: filing, approved Wednesday (2 working days)
    const filingStep = await submitCase(project.id, 1, filing.id, '2024-11-04');
    await ok(
      gateway.query(APPROVE, { id: filingStep.id, input: { version: 1, approvedOn: '2024-11-06' } }, bureau),
    );
    // Thursday 7 November: land planning, under expert review 11–15 November (4 working days after its start)
    const landStep = await submitCase(project.id, 3, landPlanning.id, '2024-11-07');
    await ok(
      gateway.query(
        EVENT,
        {
          id: landStep.serviceCase.id,
          input: {
            kind: 'SUSPENDED',
            at: '2024-11-11T10:00:00+08:00',
            until: '2024-11-15T17:00:00+08:00',
            reason: 'EXPERT_REVIEW',
          },
        },
        bureau,
      ),
    );
    const approved = (
      await ok(
        gateway.query(
          APPROVE,
          { id: landStep.id, input: { version: 1, approvedOn: '2024-11-22' } },
          landStaff,
        ),
      )
    ).approveApprovalStep;
    // 11 working days from 7 to 22 November, 4 of them suspended
    expect(approved).toMatchObject({ workingDays: 7, onTime: true, late: false });
    const read1 = await read(project.id);
    expect(read1.steps.find((s: any) => s.id === landStep.id).serviceCase).toMatchObject({
      status: 'COMPLETED',
      result: 'APPROVED',
      workingDays: 7,
    });
    // 14 working days from 4 to 22 November; on 12–15 November the only open step was suspended
    expect(read1).toMatchObject({ stage: 'APPROVED', totalWorkingDays: 10, withinTarget: true });
    const path = (
      await ok(
        gateway.query(`{ investmentProject(id: "${project.id}") { criticalPath { id } } }`, {}, leader),
      )
    ).investmentProject.criticalPath;
    expect(path).toEqual([{ id: filingStep.id }, { id: landStep.id }]);
  });

  it('takes a case the department already completed as the step’s approval, on the case’s own day', async () => {
    const project = await register({ enterpriseCreditCode: creditCode });
    const caseId = await acceptedCase(permit.id, '2024-09-02');
    await ok(
      gateway.query(
        EVENT,
        { id: caseId, input: { kind: 'COMPLETED', at: '2024-09-06T16:00:00+08:00', result: 'APPROVED' } },
        bureau,
      ),
    );
    const step = (await ok(gateway.query(SUBMIT, { id: project.id, input: { version: 1, caseId } }, bureau)))
      .submitApprovalStep;
    expect(await read(project.id)).toMatchObject({
      stage: 'APPROVED',
      firstSubmittedOn: '2024-09-02',
      approvedOn: '2024-09-06',
      totalWorkingDays: 4,
      steps: [{ id: step.id, approvedOn: '2024-09-06', workingDays: 4, onTime: true }],
    });
  });
});

describe('a step’s writes, kept as every write', () => {
  it('runs once per Idempotency-Key and leaves an audit trail of the step, its case and the project', async () => {
    // a services project: the industrial figures below stay those of the projects above
    const project = await register({ enterpriseCreditCode: creditCode, kind: 'SERVICES' });
    const caseId = await acceptedCase(filing.id, '2024-09-02');
    const send = async (key: string) =>
      postGraphQL(
        `${gateway.url}/graphql`,
        SUBMIT,
        { id: project.id, input: { version: 1, caseId } },
        { authorization: `Bearer ${await gateway.token(bureau.claims)}`, 'idempotency-key': key },
      );
    const first = await ok(send('step-2024-09-02-filing'));
    // the client's retry: the same answer, no second step (nor a refusal of the case as already linked)
    const retry = await ok(send('step-2024-09-02-filing'));
    expect(retry.submitApprovalStep.id).toBe(first.submitApprovalStep.id);
    const step = first.submitApprovalStep;
    await ok(
      gateway.query(APPROVE, { id: step.id, input: { version: 1, approvedOn: '2024-09-04' } }, bureau),
    );
    const [{ steps, trail }] = await gov.orm.em
      .fork()
      .getConnection()
      .execute(
        `select (select count(*)::int from approval_step where project_id = ?) steps,
          (select json_agg(json_build_object('entity', entity, 'operation', operation) order by seq)
             from audit_record where subject = 'bureau' and entity_id in (?, ?, ?)) trail`,
        [project.id, project.id, step.id, caseId],
      );
    expect(steps).toBe(1);
    expect(trail).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ entity: expect.stringMatching(/ApprovalStep|approval_step/i) }),
        expect.objectContaining({ entity: expect.stringMatching(/ServiceCase|service_case/i) }),
        expect.objectContaining({ entity: expect.stringMatching(/InvestmentProject|investment_project/i) }),
      ]),
    );
  });
});

describe('who may write projects', () => {
  it('refuses a department that is not the step’s, a township, and anyone but the bureau registering', async () => {
    await refused(
      gateway.query(REGISTER, { input: projectInput({ enterpriseCreditCode: creditCode }) }, landStaff),
      'FORBIDDEN',
    );
    await refused(
      gateway.query(
        REGISTER,
        { input: projectInput({ enterpriseCreditCode: creditCode }) },
        claims('t', `township:${townshipCentre.region_code}`),
      ),
      'FORBIDDEN',
    );
    const project = await register({ enterpriseCreditCode: creditCode });
    const step = await submitCase(project.id, 1, landPlanning.id, '2024-09-02');
    await refused(
      gateway.query(APPROVE, { id: step.id, input: { version: 1, approvedOn: '2024-09-10' } }, housingStaff),
      'FORBIDDEN',
    );
    const permitCase = await acceptedCase(permit.id, '2024-09-02');
    await refused(
      gateway.query(SUBMIT, { id: project.id, input: { version: 2, caseId: permitCase } }, landStaff),
      'FORBIDDEN',
    );
  });
});

describe('Region.projectStats', () => {
  it('equals a recount over the projects listed, by stage, days, on time, target and early involvement', async () => {
    const STATS = `{ region(code: "${DEMO_COUNTY_CODE}") { projectStats { projects late withProxyAgent
      averageWorkingDays shareOnTime shareWithinTarget shareEarlyInvolvement shareMajorEarlyInvolvement
      byStage { stage projects } byKind { kind projects approved medianWorkingDays p80WorkingDays } } } }`;
    const stats = (await ok(gateway.query(STATS, {}, leader))).region.projectStats;
    const listed = (
      await ok(
        gateway.query(
          `{ investmentProjects(regionCode: "${DEMO_COUNTY_CODE}", first: 100) { totalCount nodes {
            stage kind major earlyInvolvement totalWorkingDays late withinTarget proxyAgent { id } steps { onTime } } } }`,
          {},
          leader,
        ),
      )
    ).investmentProjects;
    const nodes: any[] = listed.nodes;
    const approved = nodes.filter((n) => n.stage === 'APPROVED');
    const targeted = approved.filter((n) => n.withinTarget !== null);
    const major = nodes.filter((n) => n.major);
    expect(nodes.length).toBe(listed.totalCount);
    expect(stats).toMatchObject({
      projects: nodes.length,
      late: nodes.filter((n) => n.late).length,
      withProxyAgent: nodes.filter((n) => n.proxyAgent).length,
      averageWorkingDays: approved.reduce((sum, n) => sum + n.totalWorkingDays, 0) / approved.length,
      shareOnTime: approved.filter((n) => n.steps.every((s: any) => s.onTime)).length / approved.length,
      shareWithinTarget: targeted.filter((n) => n.withinTarget).length / targeted.length,
      shareEarlyInvolvement: nodes.filter((n) => n.earlyInvolvement).length / nodes.length,
      shareMajorEarlyInvolvement: major.filter((n) => n.earlyInvolvement).length / major.length,
      byStage: ['PRE_APPLICATION', 'IN_APPROVAL', 'APPROVED'].map((stage) => ({
        stage,
        projects: nodes.filter((n) => n.stage === stage).length,
      })),
    });
    expect(approved.length).toBeGreaterThanOrEqual(1);
    expect(stats.late).toBeGreaterThanOrEqual(1);
    const industrial = stats.byKind.find((k: any) => k.kind === 'INDUSTRIAL');
    // 21 (across National Day), 10 (net of an expert review) and 4 working days
    expect(industrial).toMatchObject({ approved: 3, medianWorkingDays: 10 });
    expect(industrial.p80WorkingDays).toBeCloseTo(10 + 0.6 * (21 - 10));
  });
});
