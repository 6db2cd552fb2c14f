import { as, type TestSubgraph } from '@county/test-kit';
import {
  centres,
  countyCentre,
  countyOnlyItem,
  everywhereItem,
  otherTownshipCentre,
  startFixtures,
  townshipCentre,
  villageRoom,
  NO_DIFFERENCES,
  rollupDifferences,
  ok,
} from './fixtures';
import { loadDemoCases } from '../src/seeders/seed';
import { city } from './fixtures';

let people: TestSubgraph;
let gov: TestSubgraph;
const staff = as.role(`department:${townshipCentre.organization_id}`);
const township = as.role(`township:${townshipCentre.region_code}`);
const agent = townshipCentre.agents[0];

beforeAll(async () => {
  ({ people, gov } = await startFixtures());
}, 60_000);
afterAll(async () => {
  await gov.close();
  await people.close();
});

const REGISTER = `mutation ($input: RegisterCaseInput!) { registerCase(input: $input) { id status regionCode level } }`;
const EVENT = `mutation ($id: ID!, $input: CaseEventInput!) { recordCaseEvent(caseId: $id, input: $input) { id kind } }`;
const CASE = `query ($id: ID!) { serviceCase(id: $id) { status workingDays onTime visits result
  events { kind } suspensions { reason startedOn endedOn } rating { score rectifyBy rectifiedAt } } }`;

const register = (overrides: Record<string, unknown> = {}, identity = staff) =>
  gov.query<any>(
    REGISTER,
    {
      input: {
        itemId: everywhereItem.id,
        centreId: townshipCentre.id,
        channel: 'PROXY',
        applicantKind: 'PERSON',
        proxyAgentId: agent,
        receivedAt: '2019-09-23T01:30:00Z',
        ...overrides,
      },
    },
    identity,
  );
const event = (id: string, input: Record<string, unknown>, identity = staff) =>
  gov.query<any>(EVENT, { id, input }, identity);

/** Rows of every table a write may touch: a refused write must leave them all as they were. */
const snapshot = () =>
  gov.orm.em
    .fork()
    .getConnection()
    .execute(
      `select (select count(*) from service_case) cases, (select count(*) from case_event) events,
        (select count(*) from case_suspension) suspensions, (select count(*) from case_rating) ratings,
        (select coalesce(sum(received + completed + rated), 0) from rollup_day) day_counters,
        (select count(*) from service_item) items,
        (select string_agg(status || coalesce(working_days::text, ''), ',' order by id) from service_case) states`,
    );

async function acceptedCase(): Promise<string> {
  const { registerCase } = await ok(register());
  await ok(event(registerCase.id, { kind: 'ACCEPTED', at: '2019-09-23T02:00:00Z' }));
  return registerCase.id;
}

async function completedCase(): Promise<string> {
  const id = await acceptedCase();
  await ok(event(id, { kind: 'COMPLETED', at: '2019-09-25T03:00:00Z', result: 'APPROVED' }));
  return id;
}

describe('a case from receipt to a rectified bad review', () => {
  it('counts working days net of a suspension across the National Day holiday, and keeps every event', async () => {
    const { registerCase } = await ok(register());
    expect(registerCase).toMatchObject({
      status: 'RECEIVED',
      regionCode: townshipCentre.region_code,
      level: 'TOWNSHIP',
    });
    const id = registerCase.id;
    await ok(
      event(id, { kind: 'CORRECTION_REQUESTED', at: '2019-09-23T01:40:00Z', note: '缺营业执照复印件' }),
    );
    await ok(event(id, { kind: 'ACCEPTED', at: '2019-09-23T06:00:00Z' }));
    await ok(event(id, { kind: 'SUSPENDED', at: '2019-09-27T02:00:00Z', reason: 'EXPERT_REVIEW' }));
    await ok(event(id, { kind: 'RESUMED', at: '2019-10-10T08:00:00Z' }));
    await ok(event(id, { kind: 'COMPLETED', at: '2019-10-18T08:00:00Z', result: 'APPROVED' }));
    await ok(event(id, { kind: 'RATED', at: '2019-10-19T02:00:00Z', score: 2 }));
    await ok(event(id, { kind: 'RETURN_VISITED', at: '2019-10-21T02:00:00Z' }));
    await ok(event(id, { kind: 'RECTIFIED', at: '2019-10-23T02:00:00Z' }));
    const { serviceCase } = await ok(gov.query(CASE, { id }));
    // 16 working days from 23 Sep to 18 Oct, less 5 inside the suspension (29, 30 Sep; 8, 9, 10 Oct)
    expect(serviceCase).toMatchObject({
      status: 'COMPLETED',
      workingDays: 11,
      visits: 0,
      result: 'APPROVED',
    });
    expect(serviceCase.onTime).toBe(11 <= everywhereItem.committed_limit);
    expect(serviceCase.events.map((e: { kind: string }) => e.kind)).toEqual([
      'RECEIVED',
      'CORRECTION_REQUESTED',
      'ACCEPTED',
      'SUSPENDED',
      'RESUMED',
      'COMPLETED',
      'RATED',
      'RETURN_VISITED',
      'RECTIFIED',
    ]);
    expect(serviceCase.suspensions).toEqual([
      { reason: 'EXPERT_REVIEW', startedOn: '2019-09-27', endedOn: '2019-10-10' },
    ]);
    // rated Sat 19 Oct: five working days later is Fri 25 Oct
    expect(serviceCase.rating).toMatchObject({ score: 2, rectifyBy: '2019-10-25' });
  });

  it("lets the township write its centres' cases too", async () => {
    const { registerCase } = await ok(register({}, township));
    expect(registerCase.status).toBe('RECEIVED');
  });
});

describe('bad input gets a clear error and changes nothing', () => {
  const refused = async (
    pending: () => Promise<any>,
    field: string,
    rule: string,
    code = 'BAD_USER_INPUT',
  ) => {
    const before = await snapshot();
    const { errors } = await pending();
    expect(errors?.[0]?.extensions).toMatchObject({ code, ...(field ? { field, rule } : {}) });
    expect(await snapshot()).toEqual(before);
  };

  it('completion before acceptance', async () => {
    const { registerCase } = await ok(register());
    await refused(
      () => event(registerCase.id, { kind: 'COMPLETED', at: '2019-09-24T02:00:00Z', result: 'APPROVED' }),
      'input.at',
      'after-acceptance',
    );
  });

  it('a suspension that ends before it starts, or overlaps another', async () => {
    const id = await acceptedCase();
    await refused(
      () =>
        event(id, {
          kind: 'SUSPENDED',
          at: '2019-09-26T02:00:00Z',
          until: '2019-09-24T02:00:00Z',
          reason: 'TESTING',
        }),
      'input.until',
      'range',
    );
    await ok(
      event(id, {
        kind: 'SUSPENDED',
        at: '2019-09-24T02:00:00Z',
        until: '2019-09-26T02:00:00Z',
        reason: 'TESTING',
      }),
    );
    await refused(
      () =>
        event(id, {
          kind: 'SUSPENDED',
          at: '2019-09-25T02:00:00Z',
          until: '2019-09-27T02:00:00Z',
          reason: 'HEARING',
        }),
      'input.at',
      'overlap',
    );
  });

  it('a rating outside 1–5, or a second rating', async () => {
    const id = await completedCase();
    await refused(
      () => event(id, { kind: 'RATED', at: '2019-09-26T02:00:00Z', score: 6 }),
      'input.score',
      'range',
    );
    await refused(
      () => event(id, { kind: 'RATED', at: '2019-09-26T02:00:00Z', score: 0 }),
      'input.score',
      'range',
    );
    await ok(event(id, { kind: 'RATED', at: '2019-09-26T02:00:00Z', score: 5 }));
    await refused(
      () => event(id, { kind: 'RATED', at: '2019-09-27T02:00:00Z', score: 4 }),
      'input.score',
      'once',
    );
  });

  it('an event for a closed case', async () => {
    const id = await completedCase();
    await refused(
      () => event(id, { kind: 'SUSPENDED', at: '2019-09-26T02:00:00Z', reason: 'OTHER' }),
      'caseId',
      'closed',
    );
    await refused(() => event(id, { kind: 'ACCEPTED', at: '2019-09-26T02:00:00Z' }), 'caseId', 'closed');
  });

  it('a date before the calendar begins (2000), or a case received in the future', async () => {
    await refused(() => register({ receivedAt: '1999-03-02T02:00:00Z' }), 'input.receivedAt', 'calendar');
    // a year without an official schedule is provisional, not refused: a later date is refused only as future
    await refused(() => register({ receivedAt: '2031-03-02T02:00:00Z' }), 'input.receivedAt', 'not-future');
    const id = await acceptedCase();
    await refused(
      () => event(id, { kind: 'COMPLETED', at: '2030-01-02T02:00:00Z', result: 'APPROVED' }),
      'input.at',
      'not-future',
    );
  });

  it('a case for an item the centre cannot handle at its level', async () => {
    await refused(
      () =>
        register(
          { itemId: countyOnlyItem.id, centreId: villageRoom.id },
          as.role(`township:${villageRoom.region_code.slice(0, 9)}`),
        ),
      'input.itemId',
      'level',
    );
  });

  it('a proxy case without its agent, or an agent the directory does not know', async () => {
    await refused(() => register({ proxyAgentId: null }), 'input.proxyAgentId', 'required');
    await refused(
      () => register({ proxyAgentId: '00000000-0000-4000-8000-000000000000' }),
      'input.proxyAgentId',
      'exists',
    );
  });

  it('a committed limit above the statutory one', async () => {
    await refused(
      () =>
        gov.query(
          `mutation ($input: CreateServiceItemInput!) { createServiceItem(input: $input) { id } }`,
          {
            input: {
              regionCode: countyCentre.region_code,
              code: '990722-XK-9001',
              name: '测试许可',
              kind: 'ADMINISTRATIVE_PERMIT',
              responsibleOrganizationId: countyCentre.organization_id,
              levels: ['COUNTY'],
              statutoryLimit: 10,
              committedLimit: 12,
              processing: 'PROMISED',
              visitRequirement: 'NO_VISIT',
              maxVisits: 0,
              onlineCapable: true,
            },
          },
          as.role(`department:${countyCentre.organization_id}`),
        ),
      'input.committedLimit',
      'committed-limit',
    );
  });

  it("writes by anyone but the centre's own staff", async () => {
    await refused(
      () => register({}, as.role(`department:${otherTownshipCentre.organization_id}`)),
      '',
      '',
      'FORBIDDEN',
    );
    await refused(
      () => register({}, as.role(`township:${otherTownshipCentre.region_code}`)),
      '',
      '',
      'FORBIDDEN',
    );
    await refused(() => register({}, as.anonymous), '', '', 'UNAUTHENTICATED');
    const id = await acceptedCase();
    await refused(
      () =>
        event(id, { kind: 'COMPLETED', at: '2019-09-25T03:00:00Z', result: 'APPROVED' }, as.role('leader')),
      '',
      '',
      'FORBIDDEN',
    );
  });
});

describe('rollups', () => {
  it('equal a full recount from the cases, after event writes and a scaled-down bulk load', async () => {
    await gov.orm.em.fork().transactional((em) => loadDemoCases(em, city, [2019], '2019-12-31', 0.005));
    // and some more incremental writes on top of the rebuilt rollups
    await completedCase();
    expect(await rollupDifferences(gov.orm)).toEqual(NO_DIFFERENCES);
    const [{ n }] = await gov.orm.em.fork().getConnection().execute('select count(*)::int n from rollup_day');
    expect(n).toBeGreaterThan(100);
    expect(centres.length).toBeGreaterThan(300);
  }, 60_000);
});
