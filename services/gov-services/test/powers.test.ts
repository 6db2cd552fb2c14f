import dayjs from 'dayjs';
import { chinaDay } from '@county/domain';
import { DEMO_COUNTY_CODE, demoOrganizationId, organizationNaturalKey } from '@county/demo-data';
import { startTestGateway, type TestGateway, type TestSubgraph } from '@county/test-kit';
import {
  countyCentre,
  everywhereItem,
  ok,
  otherTownshipCentre,
  startFixtures,
  townshipCentre,
} from './fixtures';

/* 权责清单 and 赋权 through the gateway: every write, its rules, its refusals, and the figures on Region. */
let people: TestSubgraph;
let gov: TestSubgraph;
let gateway: TestGateway;

const dept = (key: string) => demoOrganizationId(organizationNaturalKey(DEMO_COUNTY_CODE, `dept:${key}`));
const market = dept('market-regulation');
const claims = (sub: string, ...roles: string[]) => ({ claims: { sub, roles } as any });
const marketStaff = claims('market', `department:${market}`);
const healthStaff = claims('health', `department:${dept('health')}`);
const bureau = claims('bureau', `department:${countyCentre.organization_id}`);
const township = townshipCentre.region_code;
const otherTownship = otherTownshipCentre.region_code;
const townshipStaff = claims('township', `township:${township}`);
const otherTownshipStaff = claims('other-township', `township:${otherTownship}`);
const leader = claims('leader', 'leader');

const DAY = 86_400_000;
const daysAgo = (days: number) => chinaDay(new Date(Date.now() - days * DAY));

beforeAll(async () => {
  ({ people, gov } = await startFixtures());
  gateway = await startTestGateway([people, gov]);
}, 90_000);
afterAll(async () => {
  await gateway.stop();
  await gov.close();
  await people.close();
});

const POWER = 'id code category version organization { id } serviceItems { id } delegations { id }';
const CREATE = `mutation ($input: CreateAdministrativePowerInput!) { createAdministrativePower(input: $input) { ${POWER} } }`;
const LINK = `mutation ($id: ID!, $input: LinkServiceItemPowerInput!) { linkServiceItemPower(itemId: $id, input: $input) { id version power { id code } } }`;
const DELEGATION = `id version regionCode recipientKind delegatedFrom document staffTrained takenUpOn takenUp
  withdrawnOn withdrawalDocument inEffect casesHandled lastCaseOn power { id } region { code }`;
const DELEGATE = `mutation ($input: DelegatePowerInput!) { delegatePower(input: $input) { ${DELEGATION} } }`;
const UPTAKE = `mutation ($id: ID!, $input: RecordDelegationUptakeInput!) { recordDelegationUptake(id: $id, input: $input) { ${DELEGATION} } }`;
const WITHDRAW = `mutation ($id: ID!, $input: WithdrawPowerDelegationInput!) { withdrawPowerDelegation(id: $id, input: $input) { ${DELEGATION} } }`;
const STATS = `query ($code: ID!, $months: Int!) { region(code: $code) { name powerStats(idleMonths: $months) {
  delegations powers recipients takenUp staffTrained exercised neverExercised casesHandled
  byRecipient { region { code } recipientKind delegations powers recipients takenUp staffTrained exercised
    neverExercised casesHandled } } } }`;
const IDLE = `query ($code: ID!, $months: Int) { powerDelegations(regionCode: $code, idleMonths: $months, first: 100) {
  totalCount nodes { id } } }`;

let code = 0;
const powerInput = (extra: Record<string, unknown> = {}) => ({
  regionCode: DEMO_COUNTY_CODE,
  organizationId: market,
  category: 'LICENSING',
  code: `${DEMO_COUNTY_CODE}-TEST-${String(++code).padStart(4, '0')}`,
  name: '食品经营许可',
  legalBasis: '《中华人民共和国食品安全法》第三十五条',
  ...extra,
});
const newPower = async (extra: Record<string, unknown> = {}) =>
  (await ok(gateway.query(CREATE, { input: powerInput(extra) }, marketStaff))).createAdministrativePower;
const delegate = async (powerId: string, regionCode: string, delegatedFrom: string) =>
  (
    await ok(
      gateway.query(
        DELEGATE,
        { input: { powerId, regionCode, delegatedFrom, document: '澄川政发〔2026〕1号' } },
        bureau,
      ),
    )
  ).delegatePower;

/** Every row a power write may touch: a refused write leaves them as they were. */
const snapshot = async () =>
  (
    await gov.orm.em
      .fork()
      .getConnection()
      .execute(
        `select (select json_agg(p order by id) from administrative_power p) powers,
          (select json_agg(d order by id) from power_delegation d) delegations,
          (select json_agg(i.power_id order by id) from service_item i where power_id is not null) links,
          (select count(*)::int from audit_record) audit`,
      )
  )[0];

/** A refused write: the error names the field and the rule, and nothing changed. */
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

describe('the power list (权责清单)', () => {
  it('a department adds its own power; the item implementing it links to it, and both show the link', async () => {
    const power = await newPower();
    expect(power).toMatchObject({
      category: 'LICENSING',
      version: 1,
      organization: { id: market },
      serviceItems: [],
    });
    const item = (
      await ok(gateway.query(`{ serviceItem(id: "${everywhereItem.id}") { version } }`, {}, leader))
    ).serviceItem;
    const { linkServiceItemPower } = await ok(
      gateway.query(
        LINK,
        { id: everywhereItem.id, input: { version: item.version, powerId: power.id } },
        bureau,
      ),
    );
    expect(linkServiceItemPower.power).toEqual({ id: power.id, code: power.code });
    const read = await ok(
      gateway.query(`{ administrativePower(id: "${power.id}") { serviceItems { id } } }`, {}, leader),
    );
    expect(read.administrativePower.serviceItems).toEqual([{ id: everywhereItem.id }]);
    const listed = await ok(
      gateway.query(
        `{ administrativePowers(regionCode: "${DEMO_COUNTY_CODE}", organizationId: "${market}", first: 5) { totalCount nodes { id } } }`,
        {},
        leader,
      ),
    );
    expect(listed.administrativePowers.totalCount).toBeGreaterThanOrEqual(1);
  });

  it('refuses a bad code, an organisation the directory lacks and a code taken, naming field and rule', async () => {
    await refused(
      gateway.query(CREATE, { input: powerInput({ code: 'bad code' }) }, marketStaff),
      'BAD_USER_INPUT',
      'input.code',
      'format',
    );
    await refused(
      gateway.query(CREATE, { input: powerInput({ category: 'TAXATION' }) }, marketStaff),
      'BAD_USER_INPUT',
      'input.category',
    );
    const taken = await newPower();
    await refused(
      gateway.query(CREATE, { input: powerInput({ code: taken.code }) }, marketStaff),
      'BAD_USER_INPUT',
      'input.code',
      'unique',
    );
    await refused(
      gateway.query(CREATE, { input: powerInput({ organizationId: crypto.randomUUID() }) }, marketStaff),
      'FORBIDDEN',
    );
    await refused(
      gateway.query(CREATE, { input: powerInput({ organizationId: crypto.randomUUID() }) }, bureau),
      'BAD_USER_INPUT',
      'input.organizationId',
      'exists',
    );
    const { serviceItem } = await ok(
      gateway.query(`{ serviceItem(id: "${everywhereItem.id}") { version } }`, {}, leader),
    );
    const link = (version: number) => ({
      id: everywhereItem.id,
      input: { version, powerId: crypto.randomUUID() },
    });
    await refused(
      gateway.query(LINK, link(serviceItem.version), bureau),
      'BAD_USER_INPUT',
      'input.powerId',
      'exists',
    );
    await refused(gateway.query(LINK, link(serviceItem.version + 5), bureau), 'CONFLICT', 'input.version');
  });

  it('refuses another department and anonymous callers', async () => {
    await refused(gateway.query(CREATE, { input: powerInput() }, healthStaff), 'FORBIDDEN');
    await refused(gateway.query(CREATE, { input: powerInput() }), 'UNAUTHENTICATED');
  });
});

describe('delegation (赋权), uptake (承接) and withdrawal (收回)', () => {
  it('delegates to a township, the township records its uptake, the county withdraws it on a date and may delegate anew', async () => {
    const power = await newPower();
    const delegation = await delegate(power.id, township, daysAgo(30));
    expect(delegation).toMatchObject({
      regionCode: township,
      recipientKind: 'TOWNSHIP',
      region: { code: township },
      inEffect: true,
      takenUp: false,
      casesHandled: 0,
      lastCaseOn: null,
      withdrawnOn: null,
    });
    const { recordDelegationUptake } = await ok(
      gateway.query(
        UPTAKE,
        { id: delegation.id, input: { version: 1, staffTrained: 3, takenUpOn: daysAgo(20) } },
        townshipStaff,
      ),
    );
    expect(recordDelegationUptake).toMatchObject({
      takenUp: true,
      staffTrained: 3,
      takenUpOn: daysAgo(20),
      version: 2,
    });
    const { withdrawPowerDelegation } = await ok(
      gateway.query(
        WITHDRAW,
        {
          id: delegation.id,
          input: { version: 2, withdrawnOn: daysAgo(5), document: '澄川政发〔2026〕9号' },
        },
        marketStaff,
      ),
    );
    expect(withdrawPowerDelegation).toMatchObject({
      withdrawnOn: daysAgo(5),
      inEffect: false,
      withdrawalDocument: '澄川政发〔2026〕9号',
    });
    // the record stays: listed among the withdrawn, and the power may go to the township again
    const withdrawn = await ok(
      gateway.query(
        `{ powerDelegations(regionCode: "${township}", powerId: "${power.id}", inEffect: false) { totalCount } }`,
        {},
        leader,
      ),
    );
    expect(withdrawn.powerDelegations.totalCount).toBe(1);
    const again = await delegate(power.id, township, daysAgo(5));
    expect(again.inEffect).toBe(true);
  });

  it('refuses bad delegations and uptakes, naming field and rule, changing nothing', async () => {
    const power = await newPower();
    const input = (extra: Record<string, unknown>) => ({
      input: {
        powerId: power.id,
        regionCode: township,
        delegatedFrom: daysAgo(10),
        document: '澄川政发〔2026〕2号',
        ...extra,
      },
    });
    await refused(
      gateway.query(DELEGATE, input({ regionCode: DEMO_COUNTY_CODE }), bureau),
      'BAD_USER_INPUT',
      'input.regionCode',
      'township',
    );
    await refused(
      gateway.query(DELEGATE, input({ regionCode: '990723100' }), bureau),
      'BAD_USER_INPUT',
      'input.regionCode',
      'county',
    );
    await refused(
      gateway.query(DELEGATE, input({ regionCode: `${DEMO_COUNTY_CODE}998` }), bureau),
      'BAD_USER_INPUT',
      'input.regionCode',
      'exists',
    );
    await refused(
      gateway.query(DELEGATE, input({ document: ' ' }), bureau),
      'BAD_USER_INPUT',
      'input.document',
      'min',
    );
    const delegation = await delegate(power.id, township, daysAgo(10));
    await refused(gateway.query(DELEGATE, input({}), bureau), 'BAD_USER_INPUT', 'input.powerId', 'delegated');
    const uptake = (extra: Record<string, unknown>) => ({
      id: delegation.id,
      input: { version: 1, staffTrained: 2, takenUpOn: daysAgo(5), ...extra },
    });
    await refused(
      gateway.query(UPTAKE, uptake({ takenUpOn: daysAgo(11) }), townshipStaff),
      'BAD_USER_INPUT',
      'input.takenUpOn',
      'after-delegation',
    );
    await refused(
      gateway.query(UPTAKE, uptake({ takenUpOn: daysAgo(-3) }), townshipStaff),
      'BAD_USER_INPUT',
      'input.takenUpOn',
      'not-future',
    );
    await refused(
      gateway.query(UPTAKE, uptake({ staffTrained: 0 }), townshipStaff),
      'BAD_USER_INPUT',
      'input.staffTrained',
      'min',
    );
    await refused(gateway.query(UPTAKE, uptake({ version: 7 }), townshipStaff), 'CONFLICT', 'input.version');
    const withdraw = (withdrawnOn: string) => ({
      id: delegation.id,
      input: { version: 1, withdrawnOn, document: '澄川政发〔2026〕3号' },
    });
    await refused(
      gateway.query(WITHDRAW, withdraw(daysAgo(10)), bureau),
      'BAD_USER_INPUT',
      'input.withdrawnOn',
      'after-delegation',
    );
    await ok(gateway.query(WITHDRAW, withdraw(daysAgo(1)), bureau));
    await refused(
      gateway.query(
        WITHDRAW,
        { ...withdraw(daysAgo(0)), input: { ...withdraw(daysAgo(0)).input, version: 2 } },
        bureau,
      ),
      'BAD_USER_INPUT',
      'id',
      'withdrawn',
    );
    // after a withdrawal, a new delegation starts on or after it
    await refused(
      gateway.query(DELEGATE, input({ delegatedFrom: daysAgo(3) }), bureau),
      'BAD_USER_INPUT',
      'input.delegatedFrom',
      'after-withdrawal',
    );
  });

  it('refuses a delegation by another department or a township, and an uptake by another township', async () => {
    const power = await newPower();
    const input = {
      input: {
        powerId: power.id,
        regionCode: township,
        delegatedFrom: daysAgo(10),
        document: '澄川政发〔2026〕4号',
      },
    };
    await refused(gateway.query(DELEGATE, input, healthStaff), 'FORBIDDEN');
    await refused(gateway.query(DELEGATE, input, townshipStaff), 'FORBIDDEN');
    const delegation = await delegate(power.id, township, daysAgo(10));
    await refused(
      gateway.query(
        UPTAKE,
        { id: delegation.id, input: { version: 1, staffTrained: 1, takenUpOn: daysAgo(1) } },
        otherTownshipStaff,
      ),
      'FORBIDDEN',
    );
    await refused(
      gateway.query(
        WITHDRAW,
        { id: delegation.id, input: { version: 1, withdrawnOn: daysAgo(1), document: 'x' } },
        townshipStaff,
      ),
      'FORBIDDEN',
    );
  });
});

describe('powers delegated but never exercised (下放未用), and the figures on Region', () => {
  it('finds the delegation months old with no case; a case under another makes it exercised; stats equal a recount', async () => {
    // two township items, each implementing a power delegated seven months ago; one sees a case
    const [idle, used, recent] = [await newPower(), await newPower(), await newPower()];
    const link = async (itemId: string, powerId: string) => {
      const { serviceItem } = await ok(
        gateway.query(`{ serviceItem(id: "${itemId}") { version } }`, {}, leader),
      );
      await ok(gateway.query(LINK, { id: itemId, input: { version: serviceItem.version, powerId } }, bureau));
    };
    await link(everywhereItem.id, used.id);
    const idleDelegation = await delegate(idle.id, otherTownship, daysAgo(210));
    const usedDelegation = await delegate(used.id, otherTownship, daysAgo(210));
    await delegate(recent.id, otherTownship, daysAgo(20));
    const staff = claims('centre', `department:${otherTownshipCentre.organization_id}`);
    const receivedAt = new Date(Date.now() - 100 * DAY).toISOString();
    await ok(
      gateway.query(
        `mutation ($input: RegisterCaseInput!) { registerCase(input: $input) { id } }`,
        {
          input: {
            itemId: everywhereItem.id,
            centreId: otherTownshipCentre.id,
            channel: 'WINDOW',
            applicantKind: 'PERSON',
            receivedAt,
          },
        },
        staff,
      ),
    );

    const { powerDelegations } = await ok(gateway.query(IDLE, { code: otherTownship, months: 6 }, leader));
    expect(powerDelegations.nodes).toEqual([{ id: idleDelegation.id }]);
    const read = await ok(
      gateway.query(
        `{ powerDelegations(regionCode: "${otherTownship}", powerId: "${used.id}") { nodes { casesHandled lastCaseOn } } }`,
        {},
        leader,
      ),
    );
    expect(read.powerDelegations.nodes).toEqual([
      { casesHandled: 1, lastCaseOn: chinaDay(new Date(receivedAt)) },
    ]);
    expect(usedDelegation.casesHandled).toBe(0);

    // the county's figures against a recount over every delegation in effect, read one by one
    const stats = (await ok(gateway.query(STATS, { code: DEMO_COUNTY_CODE, months: 6 }, leader))).region
      .powerStats;
    const nodes: any[] = [];
    let after: string | null = null;
    do {
      const page: any = (
        await ok(
          gateway.query(
            `query ($after: String) { powerDelegations(regionCode: "${DEMO_COUNTY_CODE}", inEffect: true, first: 100, after: $after) {
              pageInfo { hasNextPage endCursor } nodes { regionCode delegatedFrom takenUp staffTrained casesHandled power { id } } } }`,
            { after },
            leader,
          ),
        )
      ).powerDelegations;
      nodes.push(...page.nodes);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    // as PostgreSQL counts it: the county's today less six months, a month's end clamped (31 Aug → 28 Feb)
    const sixMonthsAgo = dayjs(chinaDay()).subtract(6, 'month').format('YYYY-MM-DD');
    /** The figures of `some` delegations, counted in the test from the delegations read one by one. */
    const recount = (some: any[]) => ({
      delegations: some.length,
      powers: new Set(some.map((n) => n.power.id)).size,
      recipients: new Set(some.map((n) => n.regionCode)).size,
      takenUp: some.filter((n) => n.takenUp).length,
      staffTrained: some.reduce((sum, n) => sum + n.staffTrained, 0),
      exercised: some.filter((n) => n.casesHandled > 0).length,
      neverExercised: some.filter((n) => n.casesHandled === 0 && n.delegatedFrom <= sixMonthsAgo).length,
      casesHandled: some.reduce((sum, n) => sum + n.casesHandled, 0),
    });
    const { byRecipient, ...totals } = stats;
    expect(totals).toEqual(recount(nodes));
    const codes = [...new Set(nodes.map((n) => n.regionCode))].sort();
    expect(byRecipient).toEqual(
      codes.map((regionCode) => ({
        region: { code: regionCode },
        recipientKind: 'TOWNSHIP',
        ...recount(nodes.filter((n) => n.regionCode === regionCode)),
      })),
    );
    expect(stats.exercised).toBeGreaterThanOrEqual(1);
    expect(stats.neverExercised).toBeGreaterThanOrEqual(1);

    // the township's own figures: the idle one, the used one, the recent one
    const own = (await ok(gateway.query(STATS, { code: otherTownship, months: 6 }, leader))).region
      .powerStats;
    expect(own).toMatchObject({ delegations: 3, exercised: 1, neverExercised: 1, casesHandled: 1 });
  });

  it('refuses an idle period out of range, naming the argument and the rule', async () => {
    const { errors } = await gateway.query<any>(STATS, { code: DEMO_COUNTY_CODE, months: 0 }, leader);
    expect(errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'idleMonths',
      rule: 'min',
    });
  });
});
