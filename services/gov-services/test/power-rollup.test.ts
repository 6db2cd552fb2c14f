import { DEMO_COUNTY_CODE, demoOrganizationId, organizationNaturalKey } from '@county/demo-data';
import { countStatements, startTestGateway, type TestGateway, type TestSubgraph } from '@county/test-kit';
import { loadDemoCases } from '../src/seeders/seed';
import { loadDemoPowersAndProjects } from '../src/seeders/powers-projects-seed';
import {
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
 * 赋权统计 from the township rollups: the same figures as a count over the cases themselves, after cases are
 * booked through the subgraph's write path, and one statement per query level.
 */
let people: TestSubgraph;
let gov: TestSubgraph;
let gateway: TestGateway;

const claims = (sub: string, ...roles: string[]) => ({ claims: { sub, roles } as any });
const market = demoOrganizationId(organizationNaturalKey(DEMO_COUNTY_CODE, 'dept:market-regulation'));
const marketStaff = claims('market', `department:${market}`);
const bureau = claims('bureau', `department:${countyCentre.organization_id}`);
const leader = claims('leader', 'leader');

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

const COUNTS = 'delegations powers recipients takenUp staffTrained exercised neverExercised casesHandled';
const POWER_STATS = `powerStats(idleMonths: 6) { ${COUNTS} byRecipient { region { code } recipientKind ${COUNTS} } }`;

/** The figures counted over the cases themselves: the statement powerStats ran before the rollups. */
async function countedOverCases(prefix: string) {
  const today = `(now() at time zone 'Asia/Shanghai')::date`;
  const rows = await gov.orm.em
    .fork()
    .getConnection()
    .execute(
      `with d as (select d.* from power_delegation d where d.region_code like ?
                   and d.delegated_from <= ${today} and (d.withdrawn_on is null or d.withdrawn_on > ${today})),
          used as (
            select d.id, d.power_id, d.region_code, d.taken_up_on, d.staff_trained, d.delegated_from,
                   count(c.id) as cases
              from d left join service_item i on i.power_id = d.power_id
              left join service_case c on c.item_id = i.id and left(c.region_code, 9) = d.region_code
               and (c.received_at at time zone 'Asia/Shanghai')::date >= d.delegated_from
               and (d.withdrawn_on is null or (c.received_at at time zone 'Asia/Shanghai')::date < d.withdrawn_on)
             group by d.id, d.power_id, d.region_code, d.taken_up_on, d.staff_trained, d.delegated_from)
     select case when grouping(d.region_code) = 0 then d.region_code end as code,
            count(*)::int as delegations, count(distinct d.power_id)::int as powers,
            count(distinct d.region_code)::int as recipients,
            count(*) filter (where d.taken_up_on is not null)::int as "takenUp",
            coalesce(sum(d.staff_trained), 0)::int as "staffTrained",
            count(*) filter (where d.cases > 0)::int as exercised,
            count(*) filter (where d.cases = 0 and d.delegated_from <= (${today} - make_interval(months => 6))::date)::int
              as "neverExercised",
            coalesce(sum(d.cases), 0)::int as "casesHandled"
       from used d group by grouping sets ((d.region_code), ()) order by grouping(d.region_code) desc, d.region_code`,
      [`${prefix}%`],
    );
  const [{ code: _total, ...total }, ...recipients] = rows;
  return { total, recipients };
}

const figuresOf = ({ byRecipient, ...total }: any) => ({
  total,
  recipients: byRecipient.map(({ region, recipientKind: _kind, ...counts }: any) => ({
    code: region.code,
    ...counts,
  })),
});

const stats = async (code: string) =>
  (await ok(gateway.query(`{ region(code: "${code}") { ${POWER_STATS} } }`, {}, leader))).region.powerStats;

const register = (itemId: string, centre: typeof townshipCentre, receivedAt: string) =>
  ok(
    gateway.query(
      `mutation ($input: RegisterCaseInput!) { registerCase(input: $input) { id } }`,
      {
        input: {
          itemId,
          centreId: centre.id,
          channel: 'PROXY',
          applicantKind: 'PERSON',
          proxyAgentId: centre.agents[0],
          receivedAt,
        },
      },
      claims('centre', `department:${centre.organization_id}`),
    ),
  );

describe('powerStats over the township rollups', () => {
  it('equals a count over the cases after cases are booked under a delegation from the middle of a month', async () => {
    // a new power delegated on 15 March to the second township, the everywhere item linked to it
    const power = (
      await ok(
        gateway.query(
          `mutation ($input: CreateAdministrativePowerInput!) { createAdministrativePower(input: $input) { id } }`,
          {
            input: {
              regionCode: DEMO_COUNTY_CODE,
              organizationId: market,
              category: 'LICENSING',
              code: `${DEMO_COUNTY_CODE}-ROLLUP-0001`,
              name: '食品经营许可',
              legalBasis: '《中华人民共和国食品安全法》第三十五条',
            },
          },
          marketStaff,
        ),
      )
    ).createAdministrativePower;
    const [{ version }] = await gov.orm.em
      .fork()
      .getConnection()
      .execute(`select version from service_item where id = ?`, [everywhereItem.id]);
    await ok(
      gateway.query(
        `mutation ($id: ID!, $input: LinkServiceItemPowerInput!) { linkServiceItemPower(itemId: $id, input: $input) { id } }`,
        { id: everywhereItem.id, input: { version, powerId: power.id } },
        bureau,
      ),
    );
    const delegated = await ok(
      gateway.query(
        `mutation ($input: DelegatePowerInput!) { delegatePower(input: $input) { id } }`,
        {
          input: {
            powerId: power.id,
            regionCode: otherTownshipCentre.region_code,
            delegatedFrom: '2019-03-15',
            document: '澄川政发〔2019〕7号',
          },
        },
        bureau,
      ),
    );
    expect(delegated.delegatePower.id).toBeDefined();
    const before = await stats(DEMO_COUNTY_CODE);
    // the day before (not counted), the day itself and after (counted), China time
    await register(everywhereItem.id, otherTownshipCentre, '2019-03-14T02:00:00Z');
    await register(everywhereItem.id, otherTownshipCentre, '2019-03-14T16:30:00Z');
    await register(everywhereItem.id, otherTownshipCentre, '2019-04-02T02:00:00Z');
    await register(everywhereItem.id, townshipCentre, '2019-04-02T02:00:00Z');
    const { result: after, sql } = await countStatements(gov.orm, () => stats(DEMO_COUNTY_CODE));
    // the rollups, never the cases
    expect(sql.filter((text) => text.includes('service_case'))).toEqual([]);
    expect(after.casesHandled).toBeGreaterThan(before.casesHandled);
    expect(figuresOf(after)).toEqual(await countedOverCases(DEMO_COUNTY_CODE.slice(0, 6)));
    const township = otherTownshipCentre.region_code;
    expect(figuresOf(await stats(township))).toEqual(await countedOverCases(township));
    expect(await rollupDifferences(gov.orm)).toEqual(NO_DIFFERENCES);
  });

  it('reads every region of one query level in one statement, each as it reads alone', async () => {
    const { result, sql } = await countStatements(gov.orm, () =>
      ok(
        gateway.query(
          `{ region(code: "${DEMO_COUNTY_CODE}") { ${POWER_STATS} children { code ${POWER_STATS} } } }`,
          {},
          leader,
        ),
      ),
    );
    const children = result.region.children;
    expect(children.length).toBeGreaterThan(10);
    // the county's, then all its townships' at once
    expect(sql.filter((text) => text.includes('power_delegation'))).toHaveLength(2);
    expect(sql.some((text) => text.includes('service_case'))).toBe(false);
    for (const child of children) expect(child.powerStats).toEqual(await stats(child.code));
    expect(result.region.powerStats).toEqual(await stats(DEMO_COUNTY_CODE));
  });
});
