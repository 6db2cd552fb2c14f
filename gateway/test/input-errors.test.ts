import { peopleSubgraph } from '@county/people';
import { pilotsSubgraph } from '@county/pilots';
import { startTestGateway, startTestSubgraph, type TestGateway, type TestSubgraph } from '@county/test-kit';

/*
 * The README's error convention for values graphql-js and zod refuse: BAD_USER_INPUT naming the field and
 * the rule, in the kit's words; neither library's wording, nor a scalar's, reaches the client.
 */
let people: TestSubgraph;
let pilots: TestSubgraph;
let gateway: TestGateway;

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, {});
  pilots = await startTestSubgraph(pilotsSubgraph, { directory: people });
  gateway = await startTestGateway([people, pilots]);
}, 120_000);
afterAll(async () => {
  await gateway?.stop();
  await pilots?.close();
  await people?.close();
});

type Auth = Parameters<TestGateway['query']>[2];
const office: Auth = { claims: { sub: 'reform-office-1', roles: ['reform-office'] } };
const auditor: Auth = { claims: { sub: 'auditor-1', roles: ['auditor'] } };

/** What graphql-js, graphql-scalars and zod would have said in their own words. */
const LIBRARY_WORDING =
  /Variable "\$|got invalid value|cannot represent|does not exist in|was not provided|of required type|Invalid input|Invalid option|expected .+, received|Too (small|big)|Invalid ISO|ZodError/;

const CREATE_LEAD = `mutation ($input: CreatePilotLeadInput!) { createPilotLead(input: $input) { id } }`;
const lead = {
  name: '农村集体产权制度改革试点',
  level: 'PROVINCIAL',
  plannedBy: '省农业农村厅',
  organizationId: '00000000-0000-4000-8000-000000000001',
  issuedOn: '2019-04-15',
};

const refusal = async (query: string, variables: Record<string, unknown>, auth = office) => {
  const before = await pilots.orm.em.fork().getConnection().execute('select count(*)::int n from pilot_lead');
  const { errors, data } = await gateway.query<any>(query, variables, auth);
  const after = await pilots.orm.em.fork().getConnection().execute('select count(*)::int n from pilot_lead');
  expect(after[0].n).toBe(before[0].n);
  expect(data ?? null).toBeNull();
  expect(errors).toHaveLength(1);
  const [error] = errors!;
  expect(error.message).not.toMatch(LIBRARY_WORDING);
  expect(JSON.stringify(error.extensions)).not.toMatch(LIBRARY_WORDING);
  return error;
};

describe('a bad value in GraphQL variables answers BAD_USER_INPUT naming the field', () => {
  it.each([
    ['a day that does not exist', '2019-02-30'],
    ['a day in another notation', '15/04/2019'],
  ])('a Date variable holding %s', async (_, issuedOn) => {
    const error = await refusal(CREATE_LEAD, { input: { ...lead, issuedOn } });
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.issuedOn',
      rule: 'format',
    });
    expect(error.message).toBe('input.issuedOn: must be a calendar date as YYYY-MM-DD (ISO 8601)');
  });

  it('a DateTimeISO variable that is not an instant', async () => {
    const error = await refusal(
      'query ($from: DateTimeISO) { pilotsAuditTrail(from: $from) { totalCount } }',
      { from: 'yesterday' },
      auditor,
    );
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from', rule: 'format' });
    expect(error.message).toMatch(/^from: must be a date and time in ISO 8601/);
  });

  it('an enum variable with a value the enum does not have', async () => {
    const error = await refusal('query ($stage: PilotStage) { pilots(stage: $stage) { totalCount } }', {
      stage: 'FINISHED',
    });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'stage', rule: 'enum' });
    expect(error.message).toBe(
      'stage: must be one of PURSUING, APPROVED, IN_PROGRESS, ACCEPTED, PROMOTED, CLOSED',
    );
  });

  it('an enum inside a mutation input', async () => {
    const error = await refusal(CREATE_LEAD, { input: { ...lead, level: 'COUNTY' } });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.level', rule: 'enum' });
  });

  it('a mutation input missing a required field, and one it does not know', async () => {
    const { name: _, ...nameless } = lead;
    const error = await refusal(CREATE_LEAD, { input: { ...nameless, colour: 'red' } });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name', rule: 'required' });
    expect(error.message).toBe('input.name: is required');
    expect(error.extensions!.issues).toEqual([
      { field: 'input.name', rule: 'required', message: 'is required' },
      { field: 'input.colour', rule: 'unknown-field', message: 'is not a field of CreatePilotLeadInput' },
    ]);
  });

  it('a required variable left out', async () => {
    const error = await refusal(CREATE_LEAD, {});
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input', rule: 'required' });
  });
});

describe('a value a field rule (zod) refuses is worded by the kit', () => {
  it('a year before the reform era', async () => {
    const error = await refusal('query ($year: Int) { pilotLeads(issuedYear: $year) { totalCount } }', {
      year: 1900,
    });
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'issuedYear', rule: 'min' });
    expect(error.message).toBe('issuedYear: must be at least 1978');
  });
});

describe('a bad value written in the document answers BAD_USER_INPUT naming the argument path', () => {
  const createLead = (fields: string) => `mutation { createPilotLead(input: { ${fields} }) { id } }`;
  const leadFields = (issuedOn: string) =>
    `name: "试点", level: PROVINCIAL, plannedBy: "省农业农村厅", organizationId: "${lead.organizationId}", issuedOn: "${issuedOn}"`;

  it('a Date literal for a month that does not exist', async () => {
    const error = await refusal(createLead(leadFields('2019-14-01')), {});
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.issuedOn',
      rule: 'format',
    });
    expect(error.message).toBe('input.issuedOn: must be a calendar date as YYYY-MM-DD (ISO 8601)');
    expect(error.message).not.toMatch(/Expected value of type/);
  });

  it('a DateTimeISO literal that is not an instant', async () => {
    const error = await refusal('{ pilotsAuditTrail(from: "yesterday") { totalCount } }', {}, auditor);
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'from', rule: 'format' });
    expect(error.message).toMatch(/^from: must be a date and time in ISO 8601/);
  });

  it('an enum literal the enum does not have', async () => {
    const error = await refusal('{ pilots(stage: FLYING) { totalCount } }', {});
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'stage', rule: 'enum' });
    expect(error.message).toBe(
      'stage: must be one of PURSUING, APPROVED, IN_PROGRESS, ACCEPTED, PROMOTED, CLOSED',
    );
  });

  it('an enum literal inside a mutation input, and a string where the enum is expected', async () => {
    const county = await refusal(createLead(leadFields('2019-04-15').replace('PROVINCIAL', 'COUNTY')), {});
    expect(county.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.level', rule: 'enum' });
    const quoted = await refusal(
      createLead(leadFields('2019-04-15').replace('PROVINCIAL', '"PROVINCIAL"')),
      {},
    );
    expect(quoted.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.level', rule: 'enum' });
  });

  it('an input field the input type does not have', async () => {
    const error = await refusal(createLead(`${leadFields('2019-04-15')}, colour: "red"`), {});
    expect(error.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.colour',
      rule: 'unknown-field',
    });
    expect(error.message).toBe('input.colour: is not a field of CreatePilotLeadInput');
  });

  it('required input fields left out are each named once', async () => {
    const { errors, data } = await gateway.query<any>(
      createLead(
        `plannedBy: "省农业农村厅", organizationId: "${lead.organizationId}", issuedOn: "2019-04-15"`,
      ),
      {},
      office,
    );
    expect(data ?? null).toBeNull();
    expect(errors!.map((e) => [e.extensions!.code, e.extensions!.field, e.extensions!.rule])).toEqual([
      ['BAD_USER_INPUT', 'input.name', 'required'],
      ['BAD_USER_INPUT', 'input.level', 'required'],
    ]);
    expect(JSON.stringify(errors)).not.toMatch(LIBRARY_WORDING);
  });

  it('a null literal for a required field', async () => {
    const error = await refusal(createLead(leadFields('2019-04-15').replace('"试点"', 'null')), {});
    expect(error.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name', rule: 'required' });
  });
});

describe('what is not a bad value keeps its answer', () => {
  it('a valid literal enum is answered', async () => {
    const { errors, data } = await gateway.query<any>(
      '{ pilots(stage: APPROVED) { totalCount } }',
      {},
      office,
    );
    expect(errors).toBeUndefined();
    expect(typeof data.pilots.totalCount).toBe('number');
  });

  it('an unknown field in the selection stays a validation failure', async () => {
    const { errors } = await gateway.query<any>('{ pilots(stage: APPROVED) { colour } }', {}, office);
    expect(errors).toHaveLength(1);
    expect(errors![0].extensions).toMatchObject({ code: 'GRAPHQL_VALIDATION_FAILED' });
    expect(errors![0].extensions!.field).toBeUndefined();
  });
});
