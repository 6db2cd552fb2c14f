import { DEMO_COUNTY_CODE, demoOrganizationId, organizationNaturalKey } from '@county/demo-data';
import { countStatements, startTestGateway, type TestGateway, type TestSubgraph } from '@county/test-kit';
import { loadDemoCases } from '../src/seeders/seed';
import { loadDemoPowersAndProjects } from '../src/seeders/powers-projects-seed';
import { ServiceLevel } from '../src/vocabulary';
import {
  centres,
  city,
  countyCentre,
  everywhereItem,
  NO_DIFFERENCES,
  ok,
  otherTownshipCentre,
  rollupDifferences,
  startFixtures,
  townshipCentre,
} from './fixtures';

/*
 * A delegation's 承接办件 (casesHandled), 最近办件 (lastCaseOn) and the 下放未用 list (idleMonths) from the
 * township rollups: after cases booked through the gateway under a delegation from the middle of a month and
 * under a withdrawn one, the same as a count over the cases; no statement reads service_case, and a page
 * of delegations costs the same statements whatever its length.
 */
let people: TestSubgraph;
let gov: TestSubgraph;
let gateway: TestGateway;

const claims = (sub: string, ...roles: string[]) => ({ claims: { sub, roles } as any });
const market = demoOrganizationId(organizationNaturalKey(DEMO_COUNTY_CODE, 'dept:market-regulation'));
const marketStaff = claims('market', `department:${market}`);
const bureau = claims('bureau', `department:${countyCentre.organization_id}`);
const leader = claims('leader', 'leader');
const township = townshipCentre.region_code;
const otherTownship = otherTownshipCentre.region_code;
/** A village room under the first township: its cases count for the township's delegations. */
const villageRoom = centres.find(
  (c) => c.level === ServiceLevel.VILLAGE && c.region_code.startsWith(township),
)!;

beforeAll(async () => {
  ({ people, gov } = await startFixtures());
  gateway = await startTestGateway([people, gov], {
    SUBGRAPH_READ_TIMEOUT_MS: '20000',
    RESPONSE_CACHE_TTL_MS: '0',
  });
  await gov.orm.em.fork().transactional((em) => loadDemoCases(em, city, [2019], '2019-12-31', 0.01));
  await gov.orm.em.fork().transactional((em) => loadDemoPowersAndProjects(em, city));
}, 120_000);
afterAll(async () => {
  await gateway.stop();
  await gov.close();
  await people.close();
});

const run = (query: string, variables: Record<string, unknown>, who: { claims: any }) =>
  ok(gateway.query(query, variables, who));

async function newPower(code: string): Promise<string> {
  const { createAdministrativePower } = await run(
    `mutation ($input: CreateAdministrativePowerInput!) { createAdministrativePower(input: $input) { id } }`,
    {
      input: {
        regionCode: DEMO_COUNTY_CODE,
        organizationId: market,
        category: 'LICENSING',
        code: `${DEMO_COUNTY_CODE}-${code}`,
        name: `赋权办件核对 ${code}`,
        legalBasis: '《中华人民共和国行政许可法》第二十五条',
      },
    },
    marketStaff,
  );
  return createAdministrativePower.id;
}

const delegate = async (powerId: string, regionCode: string, delegatedFrom: string) =>
  (
    await run(
      `mutation ($input: DelegatePowerInput!) { delegatePower(input: $input) { id version } }`,
      { input: { powerId, regionCode, delegatedFrom, document: '澄川政发〔2020〕3号' } },
      bureau,
    )
  ).delegatePower as { id: string; version: number };

const register = (centre: typeof townshipCentre, receivedAt: string) =>
  run(
    `mutation ($input: RegisterCaseInput!) { registerCase(input: $input) { id } }`,
    {
      input: {
        itemId: everywhereItem.id,
        centreId: centre.id,
        channel: 'WINDOW',
        applicantKind: 'PERSON',
        receivedAt,
      },
    },
    claims('centre', `department:${centre.organization_id}`),
  );

const LIST = `query ($code: ID!, $first: Int, $after: String, $idle: Int) {
  powerDelegations(regionCode: $code, first: $first, after: $after, idleMonths: $idle) {
    totalCount pageInfo { hasNextPage endCursor } nodes { id casesHandled lastCaseOn power { id } } } }`;

type Use = { id: string; casesHandled: number; lastCaseOn: string | null };

const TOWNSHIPS = [township, otherTownship];

/** Every delegation to the two townships through the gateway, a page at a time. */
async function listed(idle?: number): Promise<Use[]> {
  const all: Use[] = [];
  for (const code of TOWNSHIPS) {
    let after: string | null = null;
    do {
      const { powerDelegations: page } = await run(LIST, { code, first: 100, after, idle }, leader);
      all.push(...page.nodes.map(({ power: _p, ...use }: any) => use));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
  }
  return all.sort((a, b) => (a.id < b.id ? -1 : 1));
}
const inTownships = `d.region_code in ('${TOWNSHIPS.join("', '")}')`;

/** The same figures counted over the cases themselves (China days), as the resolvers did before the rollups. */
async function countedOverCases(): Promise<Use[]> {
  return gov.orm.em
    .fork()
    .getConnection()
    .execute(
      `select d.id, count(c.id)::int as "casesHandled",
              max((c.received_at at time zone 'Asia/Shanghai')::date)::text as "lastCaseOn"
         from power_delegation d left join service_item i on i.power_id = d.power_id
         left join service_case c on c.item_id = i.id and left(c.region_code, 9) = d.region_code
          and (c.received_at at time zone 'Asia/Shanghai')::date >= d.delegated_from
          and (d.withdrawn_on is null or (c.received_at at time zone 'Asia/Shanghai')::date < d.withdrawn_on)
        where ${inTownships}
        group by d.id order by d.id`,
    );
}

/** 下放未用 over the cases: in effect today, delegated `months` months ago or earlier, no case. */
async function idleOverCases(months: number): Promise<string[]> {
  const today = `(now() at time zone 'Asia/Shanghai')::date`;
  const rows = await gov.orm.em
    .fork()
    .getConnection()
    .execute(
      `select d.id from power_delegation d
        where ${inTownships}
          and d.delegated_from <= ${today} and (d.withdrawn_on is null or d.withdrawn_on > ${today})
          and d.delegated_from <= (${today} - make_interval(months => ${months}))::date
          and not exists (select 1 from service_item i join service_case c on c.item_id = i.id
                           where i.power_id = d.power_id and left(c.region_code, 9) = d.region_code
                             and (c.received_at at time zone 'Asia/Shanghai')::date >= d.delegated_from)
        order by d.id`,
    );
  return rows.map((row) => row.id as string);
}

describe('a delegation’s cases from the township rollups', () => {
  it('counts cases under a delegation from mid-month and a withdrawn one as a count over the cases does', async () => {
    const power = await newPower('DELEG-0001');
    const idlePower = await newPower('DELEG-0002');
    const { serviceItem } = await run(`{ serviceItem(id: "${everywhereItem.id}") { version } }`, {}, leader);
    await run(
      `mutation ($id: ID!, $input: LinkServiceItemPowerInput!) { linkServiceItemPower(itemId: $id, input: $input) { id } }`,
      { id: everywhereItem.id, input: { version: serviceItem.version, powerId: power } },
      bureau,
    );
    // from the middle of March 2020 at one township; from February to 20 May 2020 at the other (withdrawn)
    const midMonth = await delegate(power, otherTownship, '2020-03-15');
    const withdrawn = await delegate(power, township, '2020-02-01');
    await run(
      `mutation ($id: ID!, $input: WithdrawPowerDelegationInput!) { withdrawPowerDelegation(id: $id, input: $input) { id } }`,
      {
        id: withdrawn.id,
        input: { version: withdrawn.version, withdrawnOn: '2020-05-20', document: '澄川政发〔2020〕9号' },
      },
      bureau,
    );
    const idle = await delegate(idlePower, otherTownship, '2020-01-01');

    // China days: the day before (not counted), the first day, a whole month, a later month's first day
    await register(otherTownshipCentre, '2020-03-14T15:59:00Z');
    await register(otherTownshipCentre, '2020-03-14T16:00:00Z');
    await register(otherTownshipCentre, '2020-04-02T02:00:00Z');
    await register(otherTownshipCentre, '2020-06-30T16:30:00Z');
    // before the delegation, its first day, a village below, its last day, the day withdrawn (not counted)
    await register(townshipCentre, '2020-01-31T15:59:00Z');
    await register(townshipCentre, '2020-01-31T16:00:00Z');
    await register(villageRoom, '2020-03-10T02:00:00Z');
    await register(townshipCentre, '2020-05-19T15:59:00Z');
    await register(townshipCentre, '2020-05-19T16:00:00Z');

    const { result: uses, sql } = await countStatements(gov.orm, () => listed());
    expect(sql.filter((text) => text.includes('service_case'))).toEqual([]);
    const byId = new Map(uses.map((use) => [use.id, use]));
    expect(byId.get(midMonth.id)).toEqual({ id: midMonth.id, casesHandled: 3, lastCaseOn: '2020-07-01' });
    expect(byId.get(withdrawn.id)).toEqual({ id: withdrawn.id, casesHandled: 3, lastCaseOn: '2020-05-19' });
    expect(byId.get(idle.id)).toEqual({ id: idle.id, casesHandled: 0, lastCaseOn: null });
    expect(uses.filter((use) => use.casesHandled > 0).length).toBeGreaterThan(3);
    expect(uses).toEqual(await countedOverCases());

    const { result: idleList, sql: idleSql } = await countStatements(gov.orm, () => listed(6));
    expect(idleSql.filter((text) => text.includes('service_case'))).toEqual([]);
    const idleIds = idleList.map((use) => use.id);
    expect(idleIds).toContain(idle.id);
    expect(idleIds).not.toContain(midMonth.id);
    expect(idleIds).toEqual(await idleOverCases(6));
    expect(await rollupDifferences(gov.orm)).toEqual(NO_DIFFERENCES);
  });

  it('reads a page of delegations in the same few statements whatever its length', async () => {
    const page = async (first: number, idle?: number) => {
      const { result, sql } = await countStatements(gov.orm, () =>
        run(LIST, { code: DEMO_COUNTY_CODE, first, idle }, leader),
      );
      expect(sql.some((text) => text.includes('service_case'))).toBe(false);
      return { nodes: result.powerDelegations.nodes.length, statements: sql.length };
    };
    const [one, hundred] = [await page(1), await page(100)];
    expect(hundred.nodes).toBeGreaterThan(10);
    expect(hundred.statements).toBe(one.statements);
    // the count, the page, the powers, the cases and last days
    expect(hundred.statements).toBeLessThanOrEqual(4);
    const [idleOne, idleMany] = [await page(1, 6), await page(100, 6)];
    expect(idleMany.nodes).toBeGreaterThan(1);
    expect(idleMany.statements).toBe(idleOne.statements);
  });
});
