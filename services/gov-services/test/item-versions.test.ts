import { chinaDay } from '@county/domain';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { postGraphQL, startTestGateway, type TestGateway, type TestSubgraph } from '@county/test-kit';
import { workingCalendar } from '../src/calendar/working-days';
import {
  countyCentre,
  NO_DIFFERENCES,
  ok,
  rollupDifferences,
  startFixtures,
  townshipCentre,
} from './fixtures';

let people: TestSubgraph;
let gov: TestSubgraph;
let gateway: TestGateway;
const claims = (sub: string, ...roles: string[]) => ({ claims: { sub, roles } });
const bureau = claims('bureau', `department:${countyCentre.organization_id}`);
const townshipStaff = claims('township-staff', `department:${townshipCentre.organization_id}`);
const leader = claims('leader', 'leader');
const auditor = claims('auditor', 'auditor');

const DAY = 86_400_000;
const ago = (days: number) => new Date(Date.now() - days * DAY - 60_000).toISOString();
const today = chinaDay();
const yesterday = chinaDay(new Date(Date.now() - DAY));

beforeAll(async () => {
  ({ people, gov } = await startFixtures());
  gateway = await startTestGateway([people, gov]);
}, 90_000);
afterAll(async () => {
  await gateway.stop();
  await gov.close();
  await people.close();
});

const ITEM = `id version effectiveFrom retiredFrom committedLimit versions { version effectiveFrom committedLimit }`;
const CREATE = `mutation ($input: CreateServiceItemInput!) { createServiceItem(input: $input) { ${ITEM} } }`;
const UPDATE = `mutation ($id: ID!, $input: UpdateServiceItemInput!) { updateServiceItem(id: $id, input: $input) { ${ITEM} } }`;
const RETIRE = `mutation ($id: ID!, $input: RetireServiceItemInput!) { retireServiceItem(id: $id, input: $input) { ${ITEM} } }`;
const REGISTER = `mutation ($input: RegisterCaseInput!) { registerCase(input: $input) { id } }`;
const EVENT = `mutation ($id: ID!, $input: CaseEventInput!) { recordCaseEvent(caseId: $id, input: $input) { id } }`;
const CASE = `query ($id: ID!) { serviceCase(id: $id) { onTime workingDays itemVersion { version committedLimit } } }`;
const DEADLINE = `query ($id: ID!) { serviceCase(id: $id) { dueBy overdue } }`;

let code = 0;
/** A promised item of the demo county, handled at township centres, in effect since `since`. */
async function newItem(since: string, committedLimit = 20, extra: Record<string, unknown> = {}) {
  const { createServiceItem } = await ok(
    gateway.query(
      CREATE,
      {
        input: {
          regionCode: DEMO_COUNTY_CODE,
          code: `${DEMO_COUNTY_CODE}-VERSIONED-${String(++code).padStart(3, '0')}`,
          name: '版本测试事项',
          kind: 'ADMINISTRATIVE_PERMIT',
          responsibleOrganizationId: countyCentre.organization_id,
          levels: ['COUNTY', 'TOWNSHIP'],
          statutoryLimit: 20,
          committedLimit,
          processing: 'PROMISED',
          visitRequirement: 'NO_VISIT',
          maxVisits: 0,
          onlineCapable: true,
          effectiveFrom: since,
          ...extra,
        },
      },
      bureau,
    ),
  );
  return createServiceItem;
}

const register = (itemId: string, receivedAt: string) =>
  gateway.query<any>(
    REGISTER,
    {
      input: {
        itemId,
        centreId: townshipCentre.id,
        channel: 'WINDOW',
        applicantKind: 'PERSON',
        receivedAt,
      },
    },
    townshipStaff,
  );
const event = (id: string, input: Record<string, unknown>) =>
  ok(gateway.query(EVENT, { id, input }, townshipStaff));
const serviceCase = async (id: string) => (await ok(gateway.query(CASE, { id }, leader))).serviceCase;

/** Every row an item write may touch: a refused write leaves them as they were. */
const snapshot = async () =>
  (
    await gov.orm.em
      .fork()
      .getConnection()
      .execute(
        `select (select json_agg(i order by id) from service_item i where code like '%-VERSIONED-%') items,
          (select count(*)::int from service_item_version) versions, (select count(*)::int from service_case) cases,
          (select count(*)::int from audit_record) audit`,
      )
  )[0];

describe('service item versions (事项变更)', () => {
  it('a change takes effect from its date; each case keeps the version in effect on the day it was received', async () => {
    const item = await newItem(chinaDay(new Date(Date.now() - 60 * DAY)));
    expect(item).toMatchObject({
      version: 1,
      retiredFrom: null,
      versions: [{ version: 1, committedLimit: 20 }],
    });

    // received and accepted ten days ago, under version 1 (20 working days promised)
    const before = (await ok(register(item.id, ago(10)))).registerCase.id;
    await event(before, { kind: 'ACCEPTED', at: ago(10) });

    const { updateServiceItem } = await ok(
      gateway.query(
        UPDATE,
        { id: item.id, input: { version: 1, effectiveFrom: today, committedLimit: 0 } },
        bureau,
      ),
    );
    expect(updateServiceItem).toMatchObject({
      version: 2,
      effectiveFrom: today,
      committedLimit: 0,
      versions: [
        { version: 1, committedLimit: 20 },
        { version: 2, effectiveFrom: today, committedLimit: 0 },
      ],
    });

    // received today: version 2; received nine days ago but registered only now: version 1
    const after = (await ok(register(item.id, ago(0)))).registerCase.id;
    const late = (await ok(register(item.id, ago(9)))).registerCase.id;
    expect((await serviceCase(after)).itemVersion).toEqual({ version: 2, committedLimit: 0 });
    expect((await serviceCase(late)).itemVersion).toEqual({ version: 1, committedLimit: 20 });

    // its deadline counts version 1's 20 working days, not version 2's 0
    const deadline = async (id: string) => (await ok(gateway.query(DEADLINE, { id }, leader))).serviceCase;
    expect(await deadline(late)).toEqual({ dueBy: null, overdue: null }); // not accepted: no clock yet
    await event(late, { kind: 'ACCEPTED', at: ago(9) });
    const acceptedOn = chinaDay(new Date(ago(9)));
    expect(await deadline(late)).toEqual({
      dueBy: workingCalendar.addWorkingDays(acceptedOn, 20),
      overdue: false,
    });
    // a case of version 1 accepted 59 days ago and still open is past its 20 days
    const old = (await ok(register(item.id, ago(59)))).registerCase.id;
    await event(old, { kind: 'ACCEPTED', at: ago(59) });
    expect(await deadline(old)).toEqual({
      dueBy: workingCalendar.addWorkingDays(chinaDay(new Date(ago(59))), 20),
      overdue: true,
    });

    // completed after the change: still counted against version 1's 20 days, not version 2's 0
    await event(before, { kind: 'COMPLETED', at: ago(0), result: 'APPROVED' });
    const completed = await serviceCase(before);
    expect(completed.workingDays).toBeGreaterThan(0);
    expect(completed).toMatchObject({ onTime: true, itemVersion: { version: 1, committedLimit: 20 } });
    await event(after, { kind: 'ACCEPTED', at: ago(0) });
    await event(after, { kind: 'COMPLETED', at: ago(0), result: 'APPROVED' });
    expect((await serviceCase(after)).onTime).toBe(true); // 0 working days within 0

    // the recount (rebuildRollups) reads each case's own version too
    expect(await rollupDifferences(gov.orm)).toEqual(NO_DIFFERENCES);

    const trail = await ok(
      gateway.query(
        `{ govServicesAuditTrail(entity: "ServiceItem", entityId: "${item.id}") { nodes { operation subject after } } }`,
        {},
        auditor,
      ),
    );
    expect(trail.govServicesAuditTrail.nodes).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          operation: 'update',
          subject: 'bureau',
          after: expect.objectContaining({ committedLimit: 0 }),
        }),
      ]),
    );
  });

  it('a retired item takes no case received from its retirement day; one received before still registers', async () => {
    const item = await newItem('2020-01-01');
    const { retireServiceItem } = await ok(
      gateway.query(RETIRE, { id: item.id, input: { version: 1, retiredFrom: today } }, bureau),
    );
    expect(retireServiceItem).toMatchObject({ retiredFrom: today, version: 2 });
    const before = await snapshot();
    const refused = await register(item.id, ago(0));
    expect(refused.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.itemId',
      rule: 'retired',
    });
    expect(await snapshot()).toEqual(before);
    await ok(register(item.id, ago(2)));
    // a retired item takes no new version
    const change = await gateway.query<any>(
      UPDATE,
      { id: item.id, input: { version: 2, effectiveFrom: today, name: '新名称' } },
      bureau,
    );
    expect(change.errors?.[0].extensions).toMatchObject({ field: 'input.effectiveFrom', rule: 'retired' });
  });

  it.each([
    [
      'a past effective date',
      { effectiveFrom: yesterday, committedLimit: 5 },
      'input.effectiveFrom',
      'not-past',
    ],
    [
      'a committed limit above the statutory one',
      { committedLimit: 25 },
      'input.committedLimit',
      'committed-limit',
    ],
    ['no change at all', {}, 'input', 'custom'],
    ['a negative limit', { statutoryLimit: -1 }, 'input.statutoryLimit', 'min'],
  ])('refuses %s, naming the field and rule, and changes nothing', async (_case, change, field, rule) => {
    const item = await newItem('2020-01-01');
    const before = await snapshot();
    const { errors } = await gateway.query<any>(
      UPDATE,
      { id: item.id, input: { version: 1, effectiveFrom: today, ...change } },
      bureau,
    );
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
    expect(errors?.[0].message).not.toMatch(/select|insert|Invalid input/i);
    expect(await snapshot()).toEqual(before);
  });

  it('refuses a second version on the same day (after-current) and a stale version (CONFLICT)', async () => {
    const item = await newItem('2020-01-01');
    await ok(
      gateway.query(UPDATE, { id: item.id, input: { version: 1, effectiveFrom: today, name: '甲' } }, bureau),
    );
    const before = await snapshot();
    const again = await gateway.query<any>(
      UPDATE,
      { id: item.id, input: { version: 2, effectiveFrom: today, name: '乙' } },
      bureau,
    );
    expect(again.errors?.[0].extensions).toMatchObject({
      field: 'input.effectiveFrom',
      rule: 'after-current',
    });
    const stale = await gateway.query<any>(
      UPDATE,
      { id: item.id, input: { version: 1, effectiveFrom: '2999-01-01', name: '乙' } },
      bureau,
    );
    expect(stale.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'input.version',
      rule: 'current-version',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('null clears the target days in a new version (the old version keeps them); null for a field a version requires is refused', async () => {
    const item = await newItem('2020-01-01', 20, { targetDays: 15, maxExtensionDays: 20 });
    const before = await snapshot();
    const required = await gateway.query<any>(
      UPDATE,
      { id: item.id, input: { version: 1, effectiveFrom: today, committedLimit: null } },
      bureau,
    );
    expect(required.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'input.committedLimit',
      rule: 'required',
    });
    expect(required.errors?.[0].message).toMatch(/cannot be cleared/);
    expect(await snapshot()).toEqual(before);

    const { updateServiceItem } = await ok(
      gateway.query<any>(
        `mutation ($id: ID!, $input: UpdateServiceItemInput!) { updateServiceItem(id: $id, input: $input) {
          version targetDays maxExtensionDays versions { version targetDays maxExtensionDays } } }`,
        { id: item.id, input: { version: 1, effectiveFrom: today, targetDays: null } },
        bureau,
      ),
    );
    expect(updateServiceItem).toEqual({
      version: 2,
      targetDays: null,
      maxExtensionDays: 20,
      versions: [
        { version: 1, targetDays: 15, maxExtensionDays: 20 },
        { version: 2, targetDays: null, maxExtensionDays: 20 },
      ],
    });
  });

  it('lets only the county bureau change or retire an item; nothing changes for anyone else', async () => {
    const item = await newItem('2020-01-01');
    const before = await snapshot();
    for (const who of [townshipStaff, leader, claims('other-bureau', 'approval-bureau')]) {
      const update = await gateway.query<any>(
        UPDATE,
        { id: item.id, input: { version: 1, effectiveFrom: today, name: '改名' } },
        who,
      );
      expect(update.errors?.[0].extensions).toMatchObject({
        code: 'FORBIDDEN',
        allowedRoles: [`department:${countyCentre.organization_id}`],
      });
      const retire = await gateway.query<any>(
        RETIRE,
        { id: item.id, input: { version: 1, retiredFrom: today } },
        who,
      );
      expect(retire.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
    const anonymous = await gateway.query<any>(UPDATE, {
      id: item.id,
      input: { version: 1, effectiveFrom: today, name: '改名' },
    });
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await snapshot()).toEqual(before);
  });

  it('runs a change once per Idempotency-Key: the retry gets the first answer and adds no version', async () => {
    const item = await newItem('2020-01-01');
    const headers = {
      authorization: `Bearer ${await gateway.token(bureau.claims)}`,
      'idempotency-key': `item-change-${item.id}`,
    };
    const variables = { id: item.id, input: { version: 1, effectiveFrom: today, name: '重试一次' } };
    const first = await postGraphQL<any>(`${gateway.url}/graphql`, UPDATE, variables, headers);
    expect(first.errors).toBeUndefined();
    const before = await snapshot();
    const retry = await postGraphQL<any>(`${gateway.url}/graphql`, UPDATE, variables, headers);
    expect(retry.data).toEqual(first.data);
    expect(await snapshot()).toEqual(before);
  });
});
