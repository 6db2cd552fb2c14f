import { as, fakeClock, type TestSubgraph } from '@county/test-kit';
import { countyCentre, everywhereItem, items, startFixtures, townshipCentre, ok } from './fixtures';
import { ProcessingKind, ServiceLevel } from '../src/vocabulary';

let people: TestSubgraph;
let gov: TestSubgraph;
const staff = as.role(`department:${townshipCentre.organization_id}`);
const bureau = as.role(`department:${countyCentre.organization_id}`);
const agent = townshipCentre.agents[0];

beforeAll(async () => {
  ({ people, gov } = await startFixtures());
}, 60_000);
afterAll(async () => {
  await gov.close();
  await people.close();
});

const REGISTER = `mutation ($input: RegisterCaseInput!) { registerCase(input: $input) { id status } }`;
const EVENT = `mutation ($id: ID!, $input: CaseEventInput!) { recordCaseEvent(caseId: $id, input: $input) { id kind } }`;
const CREATE_ITEM = `mutation ($input: CreateServiceItemInput!) { createServiceItem(input: $input) { id processing statutoryLimit committedLimit maxExtensionDays } }`;
const CASE = `query ($id: ID!) { serviceCase(id: $id) { status extensionDays events { kind } suspensions { startedOn endedOn } } }`;

const register = (overrides: Record<string, unknown> = {}) =>
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
    staff,
  );
const event = (id: string, input: Record<string, unknown>) => gov.query<any>(EVENT, { id, input }, staff);
let itemNumber = 0;
const createItem = (overrides: Record<string, unknown> = {}) =>
  gov.query<any>(
    CREATE_ITEM,
    {
      input: {
        regionCode: countyCentre.region_code,
        code: `990722-XK-${String(9100 + ++itemNumber)}`,
        name: '测试许可',
        kind: 'ADMINISTRATIVE_PERMIT',
        responsibleOrganizationId: countyCentre.organization_id,
        levels: ['COUNTY', 'TOWNSHIP'],
        statutoryLimit: 20,
        committedLimit: 10,
        processing: 'PROMISED',
        visitRequirement: 'NO_VISIT',
        maxVisits: 0,
        onlineCapable: true,
        // in effect for the 2019 cases registered below (the default is the day it is created)
        effectiveFrom: '2019-01-01',
        ...overrides,
      },
    },
    bureau,
  );

/** Rows of every table a write may touch: a refused write must leave them all as they were. */
const snapshot = () =>
  gov.orm.em
    .fork()
    .getConnection()
    .execute(
      `select (select count(*) from service_case) cases, (select count(*) from case_event) events,
        (select count(*) from case_suspension) suspensions, (select count(*) from service_item) items,
        (select coalesce(sum(received + completed), 0) from rollup_day) day_counters,
        (select coalesce(sum(extension_days), 0) from service_case) extension_days,
        (select string_agg(status, ',' order by id) from service_case) states`,
    );

/** Refused with bad input naming `field` and `rule`, and nothing written; returns the message. */
const refused = async (pending: () => Promise<any>, field: string, rule: string): Promise<string> => {
  const before = await snapshot();
  const { errors } = await pending();
  expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
  expect(await snapshot()).toEqual(before);
  return errors[0].message;
};

async function acceptedCase(overrides: Record<string, unknown> = {}): Promise<string> {
  const { registerCase } = await ok(register(overrides));
  await ok(event(registerCase.id, { kind: 'ACCEPTED', at: '2019-09-23T02:00:00Z' }));
  return registerCase.id;
}

const extend = (id: string, extensionDays: number, at = '2019-09-24T02:00:00Z') =>
  event(id, { kind: 'EXTENDED', at, extensionDays });

describe('no case received, and no event recorded, in the future', () => {
  // the subgraph runs in this process: only Date is faked (and keeps ticking), every timer stays real
  const NOW = new Date('2026-06-15T02:00:00Z'); // Monday 15 June 2026, 10:00 in China
  const later = (minutes: number) => new Date(NOW.getTime() + minutes * 60_000).toISOString();
  beforeAll(() => {
    fakeClock(NOW);
  });
  afterAll(() => jest.useRealTimers());

  it('refuses a case received later than now, beyond 5 minutes of clock skew', async () => {
    expect(new Date().getUTCFullYear()).toBe(2026);
    await refused(() => register({ receivedAt: later(10) }), 'input.receivedAt', 'not-future');
    await refused(() => register({ receivedAt: '2026-12-30T02:00:00Z' }), 'input.receivedAt', 'not-future');
  });

  it("allows a centre's PC 4 minutes ahead of the server", async () => {
    const { registerCase } = await ok(register({ receivedAt: later(4) }));
    expect(registerCase.status).toBe('RECEIVED');
  });

  it('refuses an event in the future, but lets a suspension end ahead (a planned expert review)', async () => {
    const { registerCase } = await ok(register({ receivedAt: later(-60) }));
    const id = registerCase.id;
    await refused(() => event(id, { kind: 'ACCEPTED', at: later(10) }), 'input.at', 'not-future');
    await ok(event(id, { kind: 'ACCEPTED', at: later(4) }));
    await refused(
      () => event(id, { kind: 'SUSPENDED', at: '2026-06-22T02:00:00Z', reason: 'EXPERT_REVIEW' }),
      'input.at',
      'not-future',
    );
    await ok(
      event(id, {
        kind: 'SUSPENDED',
        at: later(4),
        until: '2026-07-10T02:00:00Z',
        reason: 'EXPERT_REVIEW',
      }),
    );
    const { serviceCase } = await ok(gov.query(CASE, { id }));
    expect(serviceCase.suspensions).toEqual([{ startedOn: '2026-06-15', endedOn: '2026-07-10' }]);
  });
});

describe('extensions are capped (行政许可法 第四十二条: 可以延长十日)', () => {
  it('allows exactly 10 working days in all, then refuses one more, saying the cap and what is used', async () => {
    expect(everywhereItem.processing).toBe(ProcessingKind.PROMISED);
    const id = await acceptedCase();
    await ok(extend(id, 4));
    await ok(extend(id, 6));
    const message = await refused(() => extend(id, 1), 'input.extensionDays', 'max-extension');
    expect(message).toContain('at most 10 working days');
    expect(message).toContain('10 already used');
    const { serviceCase } = await ok(gov.query(CASE, { id }));
    expect(serviceCase.extensionDays).toBe(10);
  });

  it('refuses 11 days at once', async () => {
    const id = await acceptedCase();
    const message = await refused(() => extend(id, 11), 'input.extensionDays', 'max-extension');
    expect(message).toContain('0 already used');
  });

  it("follows the item's own statutory cap when it has one", async () => {
    const { createServiceItem: item } = await ok(createItem({ maxExtensionDays: 30 }));
    expect(item.maxExtensionDays).toBe(30);
    const id = await acceptedCase({ itemId: item.id });
    await ok(extend(id, 30));
    const message = await refused(() => extend(id, 1), 'input.extensionDays', 'max-extension');
    expect(message).toContain('at most 30 working days');
    expect(message).toContain('30 already used');

    // a cap of 0: the item may not be extended at all
    const { createServiceItem: none } = await ok(createItem({ maxExtensionDays: 0 }));
    const other = await acceptedCase({ itemId: none.id });
    await refused(() => extend(other, 1), 'input.extensionDays', 'max-extension');
  });

  it("keeps the law's default when the item names no cap, and refuses a cap out of 0–365", async () => {
    const { createServiceItem: item } = await ok(createItem());
    expect(item.maxExtensionDays).toBeNull();
    await refused(() => createItem({ maxExtensionDays: 366 }), 'input.maxExtensionDays', 'max');
    await refused(() => createItem({ maxExtensionDays: -1 }), 'input.maxExtensionDays', 'min');
  });
});

describe('on-the-spot items (即办件)', () => {
  const onTheSpot = items.find(
    (i) => i.processing === ProcessingKind.ON_THE_SPOT && i.levels.includes(ServiceLevel.TOWNSHIP),
  )!;

  it('the demo catalogue promises no working days for any of them', () => {
    const all = items.filter((i) => i.processing === ProcessingKind.ON_THE_SPOT);
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((i) => i.committed_limit > 0)).toEqual([]);
    expect(onTheSpot).toBeDefined();
  });

  it('cannot be created with a committed limit', async () => {
    await refused(
      () => createItem({ processing: 'ON_THE_SPOT', statutoryLimit: 20, committedLimit: 5 }),
      'input.committedLimit',
      'on-the-spot',
    );
  });

  it('keeps the statutory limit the law grants (承诺即办 of a 20-day permit)', async () => {
    const { createServiceItem: item } = await ok(
      createItem({ processing: 'ON_THE_SPOT', statutoryLimit: 20, committedLimit: 0 }),
    );
    expect(item).toMatchObject({ processing: 'ON_THE_SPOT', statutoryLimit: 20, committedLimit: 0 });
  });

  it('a case of one cannot be extended', async () => {
    const id = await acceptedCase({ itemId: onTheSpot.id });
    await refused(() => extend(id, 1), 'input.kind', 'on-the-spot');
    const { serviceCase } = await ok(gov.query(CASE, { id }));
    expect(serviceCase).toMatchObject({ status: 'ACCEPTED', extensionDays: 0 });
  });
});
