import {
  DEMO_COUNTY_CODE,
  demoOrganizationId,
  generateDemoCity,
  organizationNaturalKey,
} from '@county/demo-data';
import { peopleSubgraph } from '@county/people';
import { pilotsSubgraph } from '@county/pilots';
import { as, startTestSubgraph, type TestSubgraph } from '@county/test-kit';

/**
 * Every bad-input rule of the issue against a real PostgreSQL: each refusal names the field and the rule,
 * and a refused write changes nothing. The pilots database starts empty; the directory is the demo's.
 */
let people: TestSubgraph;
let pilots: TestSubgraph;
const city = generateDemoCity({ counties: 1 });
const department = (key: string) =>
  demoOrganizationId(organizationNaturalKey(DEMO_COUNTY_CODE, `dept:${key}`));
const agriculture = department('agriculture');
const finance = department('finance');
const leaderId = city.people.find((p) => p.roles.includes('COUNTY_LEADER' as never))!.id;
const township = city.regions.find((r) => r.parentCode === DEMO_COUNTY_CODE)!.code;
const reformOffice = as.role('reform-office');
const leadDepartment = as.role(`department:${agriculture}`);
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  pilots = await startTestSubgraph(pilotsSubgraph, { directory: people });
});
afterAll(async () => {
  await pilots?.close();
  await people?.close();
});

const FIELDS = 'id name stage version approvedOn acceptedOn closedOn flaggedForCleanUp';
const CREATE = `mutation ($input: CreatePilotInput!) { createPilot(input: $input) { ${FIELDS} } }`;
const pilotInput = (overrides: Record<string, unknown> = {}) => ({
  name: '农村承包土地经营权抵押贷款试点',
  level: 'NATIONAL',
  field: 'RURAL',
  leadOrganizationId: agriculture,
  participatingOrganizationIds: [finance],
  leaderId,
  regionCodes: [DEMO_COUNTY_CODE, township],
  deadline: '2028-12-31',
  target: '形成可复制推广的经验做法',
  outcomeForm: 'REPLICABLE_PRACTICE',
  ...overrides,
});

const rows = async (table: string) =>
  Number((await pilots.orm.em.getConnection().execute(`select count(*) n from ${table}`))[0].n);

async function createPilot(overrides: Record<string, unknown> = {}) {
  const { data, errors } = await pilots.query<any>(CREATE, { input: pilotInput(overrides) }, reformOffice);
  expect(errors).toBeUndefined();
  return data.createPilot as { id: string; version: number; stage: string };
}

const move = (
  mutation: string,
  inputType: string,
  id: string,
  input: Record<string, unknown>,
  identity = reformOffice,
) =>
  pilots.query<any>(
    `mutation ($id: ID!, $input: ${inputType}!) { ${mutation}(id: $id, input: $input) { ${FIELDS} } }`,
    { id, input },
    identity,
  );

/** Expects a refusal naming `field` and `rule`, and no change to `table`'s row count. */
async function expectRefused(
  write: () => Promise<{ errors?: { extensions?: Record<string, unknown> }[] }>,
  expected: Record<string, unknown>,
  table = 'pilot',
) {
  const before = await rows(table);
  const { errors } = await write();
  expect(errors?.[0].extensions).toMatchObject(expected);
  expect(await rows(table)).toBe(before);
}

describe('who may write', () => {
  it('refuses the anonymous caller and any role but reform-office', async () => {
    await expectRefused(() => pilots.query(CREATE, { input: pilotInput() }), { code: 'UNAUTHENTICATED' });
    await expectRefused(() => pilots.query(CREATE, { input: pilotInput() }, leadDepartment), {
      code: 'FORBIDDEN',
      allowedRoles: ['reform-office'],
    });
  });
});

describe('the directory', () => {
  it('refuses a write while the people subgraph cannot be reached, and changes nothing', async () => {
    const down = { url: 'http://127.0.0.1:9/graphql' } as TestSubgraph;
    const cut = await startTestSubgraph(pilotsSubgraph, { directory: down });
    try {
      const { errors } = await cut.query(CREATE, { input: pilotInput() }, reformOffice);
      expect(errors![0].extensions!.code).toBe('DIRECTORY_UNAVAILABLE');
      const [{ n }] = await cut.orm.em.getConnection().execute('select count(*)::int n from pilot');
      expect(n).toBe(0);
    } finally {
      await cut.close();
    }
  });
});

describe('creating a pilot', () => {
  it('creates it in the pursuit ledger, version 1', async () => {
    const pilot = await createPilot();
    expect(pilot).toMatchObject({ stage: 'PURSUING', version: 1 });
  });

  it.each([
    ['an unknown lead organisation', { leadOrganizationId: UNKNOWN }, 'input.leadOrganizationId', 'exists'],
    [
      'an unknown participant',
      { participatingOrganizationIds: [finance, UNKNOWN] },
      'input.participatingOrganizationIds',
      'exists',
    ],
    ['an unknown leader', { leaderId: UNKNOWN }, 'input.leaderId', 'exists'],
    ['an unknown region', { regionCodes: ['990799'] }, 'input.regionCodes', 'exists'],
    ['a malformed region code', { regionCodes: ['99'] }, 'input.regionCodes.0', 'format'],
    ['no region', { regionCodes: [] }, 'input.regionCodes', 'min'],
    [
      'the lead as a participant too',
      { participatingOrganizationIds: [agriculture] },
      'input.participatingOrganizationIds',
      'not-lead',
    ],
    [
      'a deadline before the start',
      { startsOn: '2027-01-01', deadline: '2026-01-01' },
      'input.deadline',
      'after-start',
    ],
    ['an empty name', { name: '  ' }, 'input.name', 'min'],
    ['an unknown lead', { leadId: UNKNOWN }, 'input.leadId', 'exists'],
  ])('refuses %s', async (_, overrides, field, rule) => {
    await expectRefused(() => pilots.query(CREATE, { input: pilotInput(overrides) }, reformOffice), {
      code: 'BAD_USER_INPUT',
      field,
      rule,
    });
  });

  it.each([
    ['level', { level: 'COUNTY' }],
    ['field', { field: 'SPACE' }],
  ])('refuses an unknown %s before anything runs', async (name, overrides) => {
    const before = await rows('pilot');
    const { errors } = await pilots.query(CREATE, { input: pilotInput(overrides) }, reformOffice);
    expect(errors![0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: `input.${name}`,
      rule: 'enum',
    });
    expect(errors![0].message).toMatch(new RegExp(`^input\\.${name}: must be one of `));
    expect(await rows('pilot')).toBe(before);
  });
});

describe('stages move forward one at a time', () => {
  it('refuses skipping, missing dates and bodies, moving back; accepts the whole path', async () => {
    const pilot = await createPilot({ name: '社会治理创新综合试点' });
    const id = pilot.id;
    const bad = (expected: Record<string, unknown>) => ({ code: 'BAD_USER_INPUT', ...expected });
    const stage = async () =>
      (await pilots.query<any>('query ($id: ID!) { pilot(id: $id) { stage version } }', { id })).data.pilot;

    // started before approval; closed before acceptance
    await expectRefused(
      () => move('startPilot', 'StartPilotInput', id, { version: 1 }),
      bad({ field: 'stage', rule: 'no-skipping' }),
    );
    await expectRefused(
      () => move('closePilot', 'ClosePilotInput', id, { version: 1, closedOn: '2024-01-01' }),
      bad({ field: 'stage', rule: 'no-skipping' }),
    );
    // approved without an approval date, or with one in the future
    await expectRefused(
      () => move('approvePilot', 'ApprovePilotInput', id, { version: 1, approvingBody: '省委政法委' }),
      bad({ field: 'input.approvedOn', rule: 'required' }),
    );
    await expectRefused(
      () =>
        move('approvePilot', 'ApprovePilotInput', id, {
          version: 1,
          approvingBody: '省委政法委',
          approvedOn: '2999-01-01',
        }),
      bad({ field: 'input.approvedOn', rule: 'not-future' }),
    );
    expect(await stage()).toEqual({ stage: 'PURSUING', version: 1 });

    // approved without a document number: flagged for clean-up
    const approved = await move('approvePilot', 'ApprovePilotInput', id, {
      version: 1,
      approvingBody: '省委政法委',
      approvedOn: '2020-03-10',
    });
    expect(approved.data.approvePilot).toMatchObject({
      stage: 'APPROVED',
      version: 2,
      flaggedForCleanUp: true,
    });
    await expectRefused(
      () =>
        move('approvePilot', 'ApprovePilotInput', id, {
          version: 2,
          approvingBody: '省委政法委',
          approvedOn: '2020-03-10',
        }),
      bad({ field: 'stage', rule: 'forward-only' }),
    );
    const started = await move('startPilot', 'StartPilotInput', id, { version: 2 });
    expect(started.data.startPilot).toMatchObject({ stage: 'IN_PROGRESS', version: 3 });

    // accepted without an accepting body; accepted before it was approved
    await expectRefused(
      () => move('acceptPilot', 'AcceptPilotInput', id, { version: 3, acceptedOn: '2023-05-01' }),
      bad({ field: 'input.acceptingBody', rule: 'required' }),
    );
    await expectRefused(
      () =>
        move('acceptPilot', 'AcceptPilotInput', id, {
          version: 3,
          acceptingBody: '省委政法委',
          acceptedOn: '2019-01-01',
        }),
      bad({ field: 'input.acceptedOn', rule: 'after-approval' }),
    );
    const accepted = await move('acceptPilot', 'AcceptPilotInput', id, {
      version: 3,
      acceptingBody: '省委政法委',
      acceptedOn: '2023-05-01',
    });
    expect(accepted.data.acceptPilot).toMatchObject({
      stage: 'ACCEPTED',
      acceptedOn: '2023-05-01',
      version: 4,
    });

    const promoted = await pilots.query<any>(
      `mutation ($id: ID!, $input: PromotePilotInput!) { promotePilot(id: $id, input: $input) { stage version promotions { kind by } } }`,
      {
        id,
        input: {
          version: 4,
          record: {
            kind: 'ON_SITE_MEETING',
            happenedOn: '2023-09-01',
            by: '省委政法委',
            description: '全省现场会',
          },
        },
      },
      reformOffice,
    );
    expect(promoted.data.promotePilot).toEqual({
      stage: 'PROMOTED',
      version: 5,
      promotions: [{ kind: 'ON_SITE_MEETING', by: '省委政法委' }],
    });
    const closed = await move('closePilot', 'ClosePilotInput', id, { version: 5, closedOn: '2024-01-01' });
    expect(closed.data.closePilot).toMatchObject({ stage: 'CLOSED', closedOn: '2024-01-01', version: 6 });
    await expectRefused(
      () => move('startPilot', 'StartPilotInput', id, { version: 6 }),
      bad({ field: 'stage', rule: 'forward-only' }),
    );
    expect(await stage()).toEqual({ stage: 'CLOSED', version: 6 });
  });

  it('refuses a stale version as a conflict naming the field, and changes nothing', async () => {
    const { id } = await createPilot({ name: '智慧城市试点' });
    const first = await move('approvePilot', 'ApprovePilotInput', id, {
      version: 1,
      approvingBody: '住房和城乡建设部',
      approvalDocumentNumber: '建办科〔2013〕5号',
      approvedOn: '2013-01-29',
    });
    expect(first.data.approvePilot.version).toBe(2);
    const update = (version: number) =>
      pilots.query<any>(
        'mutation ($id: ID!, $input: UpdatePilotInput!) { updatePilot(id: $id, input: $input) { target version } }',
        { id, input: { version, target: '建成智慧城市' } },
        reformOffice,
      );
    const stale = await update(1);
    expect(stale.errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'input.version',
      rule: 'current-version',
      currentVersion: 2,
    });
    const current = await update(2);
    expect(current.data.updatePilot).toEqual({ target: '建成智慧城市', version: 3 });
  });
});

describe('monthly ledger entries', () => {
  let pilotId: string;
  const RECORD = `mutation ($pilotId: ID!, $input: LedgerEntryInput!) { recordLedgerEntry(pilotId: $pilotId, input: $input) { month reportedBy } }`;
  const entry = (month: string, identity = leadDepartment, id = pilotId) =>
    pilots.query<any>(RECORD, { pilotId: id, input: { month, progress: '完成确权颁证' } }, identity);
  const thisMonth = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 7);

  beforeAll(async () => {
    const { id } = await createPilot({ name: '扶持村级集体经济发展试点' });
    await move('approvePilot', 'ApprovePilotInput', id, {
      version: 1,
      approvingBody: '财政部',
      approvalDocumentNumber: '财农〔2016〕8号',
      approvedOn: '2016-05-20',
    });
    pilotId = id;
  });

  it('only the lead organisation writes its ledger', async () => {
    for (const identity of [as.role(`department:${finance}`), reformOffice]) {
      await expectRefused(
        () => entry('2019-01', identity),
        { code: 'FORBIDDEN', allowedRoles: [`department:${agriculture}`] },
        'pilot_ledger_entry',
      );
    }
    const { data, errors } = await entry('2019-01');
    expect(errors).toBeUndefined();
    expect(data.recordLedgerEntry.month).toBe('2019-01');
  });

  it('refuses a month reported twice, a future month, a malformed one, one before approval', async () => {
    const refusals: [string, string, string][] = [
      ['2019-01', 'input.month', 'unique'],
      ['2999-12', 'input.month', 'not-future'],
      ['2019-13', 'input.month', 'format'],
      ['2016-04', 'input.month', 'after-approval'],
    ];
    for (const [month, field, rule] of refusals) {
      await expectRefused(() => entry(month), { code: 'BAD_USER_INPUT', field, rule }, 'pilot_ledger_entry');
    }
    const { errors } = await entry(thisMonth());
    expect(errors).toBeUndefined();
  });

  it('refuses a ledger for a pilot not yet approved', async () => {
    const { id } = await createPilot({ name: '外派劳务公共服务标准化试点' });
    await expectRefused(
      () => entry('2019-02', leadDepartment, id),
      { code: 'BAD_USER_INPUT', field: 'pilotId', rule: 'stage' },
      'pilot_ledger_entry',
    );
  });

  it('shows the months missing from the ledger of a pilot in progress', async () => {
    await move('startPilot', 'StartPilotInput', pilotId, { version: 2, startsOn: '2016-06-01' });
    await entry('2019-03');
    const { data } = await pilots.query<any>(
      'query ($id: ID!) { pilot(id: $id) { missingLedgerMonths(year: 2019) ledger { totalCount nodes { month reportedAt reportedBy } } } }',
      { id: pilotId },
    );
    const months = data.pilot.missingLedgerMonths;
    expect(months).toHaveLength(10);
    expect(months).not.toContain('2019-01');
    expect(months).not.toContain('2019-03');
    expect(months[0]).toBe('2019-02');
    expect(data.pilot.ledger.totalCount).toBe(3);
    expect(data.pilot.ledger.nodes[0]).toEqual({
      month: '2019-01',
      reportedAt: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/),
      reportedBy: `test-department:${agriculture}`,
    });
  });
});

describe('evaluations', () => {
  const RECORD = `mutation ($pilotId: ID!, $input: EvaluationInput!) { recordEvaluation(pilotId: $pilotId, input: $input) { verySatisfiedShare satisfiedShare } }`;
  const answers = { verySatisfied: 95, satisfied: 3, neutral: 1, dissatisfied: 1, veryDissatisfied: 0 };
  let pilotId: string;
  const evaluate = (input: Record<string, unknown>, identity = reformOffice) =>
    pilots.query<any>(
      RECORD,
      {
        pilotId,
        input: {
          evaluator: '中共云澜市委党校',
          evaluatedOn: '2019-10-20',
          questionnairesIssued: 120,
          questionnairesReturned: 100,
          answers,
          score: 98.5,
          ...input,
        },
      },
      identity,
    );

  beforeAll(async () => {
    const { id } = await createPilot({ name: '行政审批制度改革试点' });
    await move('approvePilot', 'ApprovePilotInput', id, {
      version: 1,
      approvingBody: '国务院审改办',
      approvalDocumentNumber: '审改办〔2015〕3号',
      approvedOn: '2015-03-01',
    });
    pilotId = id;
  });

  it.each([
    [
      'more returned than issued',
      { questionnairesReturned: 130, answers: { ...answers, verySatisfied: 125 } },
      'input.questionnairesReturned',
      'max-issued',
    ],
    [
      'answers that do not add up to those returned',
      { answers: { ...answers, verySatisfied: 90 } },
      'input.answers',
      'sum-equals-returned',
    ],
    ['a score above 100', { score: 101 }, 'input.score', 'max'],
    [
      'a negative count',
      { answers: { ...answers, neutral: -1, verySatisfied: 97 } },
      'input.answers.neutral',
      'min',
    ],
  ])('refuses %s', async (_, input, field, rule) => {
    await expectRefused(() => evaluate(input), { code: 'BAD_USER_INPUT', field, rule }, 'pilot_evaluation');
  });

  it('records a sound evaluation with its satisfaction shares; a department may not', async () => {
    await expectRefused(() => evaluate({}, leadDepartment), { code: 'FORBIDDEN' }, 'pilot_evaluation');
    const { data, errors } = await evaluate({});
    expect(errors).toBeUndefined();
    expect(data.recordEvaluation).toEqual({ verySatisfiedShare: 0.95, satisfiedShare: 0.98 });
  });
});

describe('pilot leads', () => {
  const CREATE_LEAD = `mutation ($input: CreatePilotLeadInput!) { createPilotLead(input: $input) { id status version region { code } } }`;
  const leadInput = (overrides: Record<string, unknown> = {}) => ({
    name: '中小城市综合改革试点',
    level: 'NATIONAL',
    plannedBy: '国家发展改革委',
    organizationId: department('development-reform'),
    issuedOn: '2019-04-15',
    ...overrides,
  });

  it('takes the region from the directory and moves forward only', async () => {
    const created = await pilots.query<any>(CREATE_LEAD, { input: leadInput() }, reformOffice);
    expect(created.data.createPilotLead).toMatchObject({
      status: 'ASSIGNED',
      version: 1,
      region: { code: DEMO_COUNTY_CODE },
    });
    const id = created.data.createPilotLead.id;
    const set = (version: number, status: string) =>
      pilots.query<any>(
        'mutation ($id: ID!, $input: SetPilotLeadStatusInput!) { setPilotLeadStatus(id: $id, input: $input) { status version } }',
        { id, input: { version, status } },
        reformOffice,
      );
    expect((await set(1, 'WON')).errors![0].extensions).toMatchObject({
      field: 'input.status',
      rule: 'no-skipping',
    });
    expect((await set(1, 'PURSUING')).data.setPilotLeadStatus).toEqual({ status: 'PURSUING', version: 2 });
    expect((await set(2, 'ASSIGNED')).errors![0].extensions).toMatchObject({
      field: 'input.status',
      rule: 'forward-only',
    });
    expect((await set(1, 'WON')).errors![0].extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'input.version',
    });
    expect((await set(2, 'WON')).data.setPilotLeadStatus).toEqual({ status: 'WON', version: 3 });
    // a pilot from it must be of its level
    await expectRefused(
      () => pilots.query(CREATE, { input: pilotInput({ leadId: id, level: 'PROVINCIAL' }) }, reformOffice),
      {
        field: 'input.level',
        rule: 'lead-level',
      },
    );
    const pilot = await createPilot({ leadId: id, name: '中小城市综合改革试点' });
    const { data } = await pilots.query<any>(
      'query ($id: ID!) { pilot(id: $id) { lead { name status pilots { id } } } }',
      { id: pilot.id },
    );
    expect(data.pilot.lead).toEqual({
      name: '中小城市综合改革试点',
      status: 'WON',
      pilots: [{ id: pilot.id }],
    });
  });

  it.each([
    ['a municipal lead (leads come from above)', { level: 'MUNICIPAL' }, 'input.level', 'enum'],
    [
      'an organisation unknown to the directory',
      { organizationId: UNKNOWN },
      'input.organizationId',
      'exists',
    ],
    ['an issue date in the future', { issuedOn: '2999-01-01' }, 'input.issuedOn', 'not-future'],
  ])('refuses %s', async (_, overrides, field, rule) => {
    await expectRefused(
      () => pilots.query(CREATE_LEAD, { input: leadInput(overrides) }, reformOffice),
      { code: 'BAD_USER_INPUT', field, rule },
      'pilot_lead',
    );
  });
});

describe('queries', () => {
  it('filters by level, stage, lead organisation, region, year approved and clean-up flag', async () => {
    const { data, errors } = await pilots.query<any>(
      `query ($org: ID!, $township: ID!) {
        national: pilots(level: NATIONAL) { totalCount }
        approved: pilots(stage: APPROVED) { totalCount }
        led: pilots(leadOrganizationId: $org) { totalCount }
        township: pilots(regionCode: $township) { totalCount }
        other: pilots(regionCode: "990723") { totalCount }
        y2016: pilots(approvedYear: 2016) { nodes { name } }
        flagged: pilots(flaggedForCleanUp: true) { nodes { flaggedForCleanUp } }
        all: pilots { totalCount }
      }`,
      { org: agriculture, township },
    );
    expect(errors).toBeUndefined();
    const all = await rows('pilot');
    expect(data.all.totalCount).toBe(all);
    expect(data.led.totalCount).toBe(all);
    expect(data.township.totalCount).toBe(all);
    expect(data.other.totalCount).toBe(0);
    expect(data.y2016.nodes).toEqual([{ name: '扶持村级集体经济发展试点' }]);
    expect(data.flagged.nodes.length).toBeGreaterThan(0);
    expect(data.flagged.nodes.every((n: any) => n.flaggedForCleanUp)).toBe(true);
  });

  it.each([
    ['{ pilots(first: 101) { totalCount } }', 'first', 'max'],
    ['{ pilots(regionCode: "99") { totalCount } }', 'regionCode', 'format'],
    ['{ pilots(leaderId: "x") { totalCount } }', 'leaderId', 'format'],
    ['{ pilot(id: "42") { name } }', 'id', 'format'],
    ['{ pilotLeads(after: "nope") { totalCount } }', 'after', 'cursor'],
  ])('refuses %s with field %s and rule %s', async (query, field, rule) => {
    const { errors } = await pilots.query(query);
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
  });
});

describe('schema', () => {
  it('the entities agree with the committed migration (no change left to generate)', async () => {
    const diff = await pilots.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });
});
