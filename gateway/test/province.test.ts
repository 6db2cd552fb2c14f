import { DEMO_CITY_CODE, DEMO_PROVINCE_CODE } from '@county/demo-data';
import type { Claims } from '@county/kit';
import { governanceSubgraph } from '@county/governance';
import { govServicesSubgraph } from '@county/gov-services';
import { peopleSubgraph } from '@county/people';
import { pilotsSubgraph } from '@county/pilots';
import { reformSubgraph } from '@county/reform';
import { startTestGateway, startTestSubgraph, type TestGateway, type TestSubgraph } from '@county/test-kit';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { Migration } from '@mikro-orm/migrations';
import { Migration20261205121500 as GovServicesProvince } from '../../services/gov-services/src/migrations/Migration20261205121500';
import { statsSql as reformStatsSql } from '../../services/reform/src/stats/reform-stats.sql';
import { Migration20261205121500 as GovernanceProvince } from '../../services/governance/src/migrations/Migration20261205121500';

/*
 * A province (省) of two cities: the demo city 990700 (one county) and 990100 (one county), seeded in the
 * demo's province mode. Every statistic of the province is its cities' together, read from the same
 * rollups and region scopes as a city's; the further city's county has every subgraph's demo data, and the
 * demo city keeps its published figures.
 */
const PROVINCE = { provinceCities: 2, provinceCityCounties: 1 };
const SECOND_CITY = '990100';
/** The second city's one county: the demo data of every subgraph, at its own scale. */
const SECOND_CITY_COUNTY = '990122';
const leader: Claims = { sub: 'leader-province', roles: ['leader'] };
const hr: Claims = { sub: 'hr-province', roles: ['hr'] };

let subgraphs: TestSubgraph[] = [];
let govServices: TestSubgraph;
let governance: TestSubgraph;
let reform: TestSubgraph;
let gateway: TestGateway;

jest.setTimeout(240_000);

beforeAll(async () => {
  const people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1, demoProvince: PROVINCE });
  const others = await Promise.all(
    [govServicesSubgraph, governanceSubgraph, reformSubgraph, pilotsSubgraph].map((definition) =>
      startTestSubgraph(definition, { demoCounties: 1, demoProvince: PROVINCE, directory: people }),
    ),
  );
  [govServices, governance, reform] = others;
  subgraphs = [people, ...others];
  gateway = await startTestGateway(subgraphs);
});
afterAll(async () => {
  await gateway?.stop();
  await Promise.all(subgraphs.map((s) => s.close()));
});

const STATS = `
  serviceStats(from: "2019-01-01", to: "2019-12-31") { received completed ratings badReviews targetCases receivedPreviousYear }
  disputeStats(from: "2019-01-01", to: "2019-12-31") { reported mediated resolved resolvedLocally openRed visited }
  petitionStats(from: "2019-01-01", to: "2019-12-31") { received petitioners replied repeats escalated }
  riskSummary(year: 2019) { judged atRisk high }
  powerStats { delegations powers recipients takenUp staffTrained }
  projectStats(from: "2019-01-01", to: "2019-12-31") { projects late withProxyAgent }
  reformStats(year: 2019, asOf: "2019-12-31") { total completed lagging openSupervisionOrders }
  pilotStats(year: 2019) { carried pursuing leadsIssued leadsWon evaluatedPilots overduePilots }
  workforceStats { cadresInSecondment peopleByRole { role count } }`;

type Figures = Record<string, Record<string, unknown>>;

async function statsOf(...codes: string[]): Promise<Figures[]> {
  const query = `{ ${codes.map((code, i) => `r${i}: region(code: "${code}") { ${STATS} }`).join('\n')} }`;
  const answer = await gateway.query<Record<string, Figures>>(query, {}, { claims: leader });
  expect(answer.errors).toBeUndefined();
  return codes.map((_, i) => answer.data![`r${i}`]);
}

/** Adds numbers field by field; lists of { role, count } by their first (key) field. */
function sum(a: unknown, b: unknown): unknown {
  if (typeof a === 'number' && typeof b === 'number') return a + b;
  if (Array.isArray(a) && Array.isArray(b)) {
    const byKey = new Map<string, Record<string, unknown>>();
    for (const row of [...a, ...b] as Record<string, unknown>[]) {
      const key = String(Object.values(row)[0]);
      const seen = byKey.get(key);
      byKey.set(key, seen ? { ...seen, count: (seen.count as number) + (row.count as number) } : row);
    }
    return [...byKey.values()].sort((x, y) =>
      String(Object.values(x)[0]).localeCompare(String(Object.values(y)[0])),
    );
  }
  if (a && b && typeof a === 'object')
    return Object.fromEntries(Object.keys(a).map((k) => [k, sum((a as never)[k], (b as never)[k])]));
  return a;
}
/** The figures with their lists in key order. */
const normal = (figures: Figures) => sum(figures, zero(figures));

describe('a province', () => {
  it('is listed by regions(level: PROVINCE), and is the parent of its cities', async () => {
    const { data, errors } = await gateway.query<any>(
      `{ regions(level: PROVINCE) { code name level parent { code } children { code level parent { code } } }
         city: region(code: "${DEMO_CITY_CODE}") { parent { code level } ancestors { code } } }`,
    );
    expect(errors).toBeUndefined();
    expect(data.regions).toEqual([
      {
        code: DEMO_PROVINCE_CODE,
        name: '瀚岚省',
        level: 'PROVINCE',
        parent: null,
        children: [SECOND_CITY, DEMO_CITY_CODE].map((code) => ({
          code,
          level: 'CITY',
          parent: { code: DEMO_PROVINCE_CODE },
        })),
      },
    ]);
    expect(data.city).toEqual({
      parent: { code: DEMO_PROVINCE_CODE, level: 'PROVINCE' },
      ancestors: [{ code: DEMO_PROVINCE_CODE }],
    });
  });

  it('counts in every statistic what its cities count together, and they count something', async () => {
    const [province, demoCity, secondCity] = await statsOf(DEMO_PROVINCE_CODE, DEMO_CITY_CODE, SECOND_CITY);
    expect(sum(normal(demoCity), normal(secondCity))).toEqual(normal(province));
    // both cities carry every subgraph's data: the sum is not one city's figures again
    for (const city of [demoCity, secondCity]) {
      expect(city.serviceStats.received).toBeGreaterThan(0);
      expect(city.disputeStats.reported).toBeGreaterThan(0);
      expect(city.petitionStats.received).toBeGreaterThan(0);
      expect(city.riskSummary.judged).toBeGreaterThan(0);
      expect(city.powerStats.delegations).toBeGreaterThan(0);
      expect(city.projectStats.projects).toBeGreaterThan(0);
      expect(city.reformStats.total).toBeGreaterThan(0);
      expect(city.reformStats.lagging).toBeGreaterThan(0);
      expect(city.pilotStats.carried).toBeGreaterThan(0);
      expect(city.pilotStats.leadsIssued).toBeGreaterThan(0);
      expect((city.workforceStats.peopleByRole as unknown[]).length).toBeGreaterThan(0);
    }
  });

  it("keeps the demo city's published figures: the further city's data adds to the province only", async () => {
    // published-figures.md, as services/*/test/demo-figures*.test.ts check them without a province
    const { data, errors } = await gateway.query<any>(
      `{ city: region(code: "${DEMO_CITY_CODE}") { pilotStats(year: 2019) { carried } }
         county: region(code: "990722") {
           petitionStats(from: "2019-01-01", to: "2019-12-31") { byChannel { channel received petitioners } }
           riskSummary(year: 2019) { atRisk leadersAssigned } } }`,
      {},
      { claims: leader },
    );
    expect(errors).toBeUndefined();
    expect(data.city.pilotStats.carried).toBe(192);
    expect(data.county.riskSummary).toEqual({ atRisk: 118, leadersAssigned: 26 });
    // report 003's visits of 2019: 354 cases by 1,000 people (−29.2 %, −41.2 % on 2018)
    expect(data.county.petitionStats.byChannel).toContainEqual({
      channel: 'VISIT',
      received: 354,
      petitioners: 1000,
    });
  });

  it("gives a county of the further city its own rows in each subgraph's lists, naming its own organisations", async () => {
    const { data, errors } = await gateway.query<any>(
      `{ petitions(regionCode: "${SECOND_CITY_COUNTY}", first: 1) { totalCount }
         powerDelegations(regionCode: "${SECOND_CITY_COUNTY}", first: 1) { totalCount }
         reformTasks(regionCode: "${SECOND_CITY_COUNTY}", year: 2019, first: 50) {
           totalCount nodes { code region { code } leadOrganization { id name } } }
         pilots(regionCode: "${SECOND_CITY_COUNTY}", first: 50) {
           totalCount nodes { name leadOrganization { id name } } }
         county: region(code: "${SECOND_CITY_COUNTY}") { name parent { code }
           grids(first: 1) { totalCount } disputes(first: 1) { totalCount } } }`,
      {},
      { claims: leader },
    );
    expect(errors).toBeUndefined();
    expect(data.county.parent).toEqual({ code: SECOND_CITY });
    for (const list of [data.petitions, data.powerDelegations, data.county.grids, data.county.disputes])
      expect(list.totalCount).toBeGreaterThan(0);
    expect(data.reformTasks.totalCount).toBeGreaterThan(0);
    for (const task of data.reformTasks.nodes) {
      expect(task.code.startsWith(`${SECOND_CITY_COUNTY}-2019-`)).toBe(true);
      expect(task.region.code.startsWith(SECOND_CITY_COUNTY)).toBe(true);
      expect(task.leadOrganization?.name).toEqual(expect.any(String));
    }
    // a county's own share (seed 002): 18 at provincial level or above
    expect(data.pilots.totalCount).toBe(18);
    for (const pilot of data.pilots.nodes) {
      expect(pilot.name.startsWith(data.county.name)).toBe(true);
      expect(pilot.leadOrganization?.name).toEqual(expect.any(String));
    }
  });

  it("measures the reform progress of a county's own tasks only, not every county's of the year", async () => {
    const sql = async <R>(text: string, params: unknown[] = []) =>
      reform.orm.em.fork().getConnection().execute<R[]>(text, params);
    const [{ own, all }] = await sql<{ own: number; all: number }>(
      `select count(*) filter (where region_code like ?)::int as own, count(*)::int as "all" from reform_task where year = 2019`,
      [`${SECOND_CITY_COUNTY}%`],
    );
    expect(own).toBeGreaterThan(0);
    expect(all).toBeGreaterThan(own);
    const scope = JSON.stringify([{ region: SECOND_CITY_COUNTY, patterns: [`${SECOND_CITY_COUNTY}%`] }]);
    const [row] = await sql<{ 'QUERY PLAN': unknown }>(
      `explain (analyze, format json) ${reformStatsSql(false)}`,
      [scope, 2019, '2019-12-31', 0.5, 2019, '2019-12-31', 2019],
    );
    const nodes: { 'Node Type': string; 'Function Name'?: string; 'Actual Rows': number }[] = [];
    const walk = (node: any) => {
      nodes.push(node);
      (node.Plans ?? []).forEach(walk);
    };
    walk((row['QUERY PLAN'] as any)[0].Plan);
    const state = nodes.find((node) => node['Function Name'] === 'reform_task_state');
    expect(state).toBeDefined();
    // the county's tasks (and none of the other county's): before, every task of the year was measured
    expect(state!['Actual Rows']).toBeLessThanOrEqual(own);
    expect(state!['Actual Rows']).toBeGreaterThan(0);
  });

  it('reads service cases and disputes from province rows of the rollups', async () => {
    const [cases] = await govServices.orm.em
      .getConnection()
      .execute<{ rows: number }[]>(
        `select count(*)::int as rows from rollup_month where region_code = '990000'`,
      );
    const [disputes] = await governance.orm.em
      .getConnection()
      .execute<{ rows: number }[]>(
        `select count(*)::int as rows from dispute_rollup_month where region_code = '990000'`,
      );
    expect(cases.rows).toBeGreaterThan(0);
    expect(disputes.rows).toBeGreaterThan(0);
  });

  it('gives rollups booked before the province the same province rows, by the migrations', async () => {
    // the province rows as the seed booked them, removed as before the province, then put back by the migration
    const run = async (orm: MikroORM, migration: new (...args: never[]) => Migration, tables: string[]) => {
      const connection = orm.em.getConnection();
      const rows = () =>
        Promise.all(
          tables.map((table) =>
            connection.execute(`select * from ${table} where region_code = '990000' order by 2, 3, 4`),
          ),
        );
      const booked = await rows();
      for (const table of tables)
        await connection.execute(`delete from ${table} where region_code = '990000'`);
      const step = new migration(...([orm.em.getDriver(), orm.config] as never[]));
      await step.up();
      for (const query of step.getQueries()) await connection.execute(String(query));
      expect(await rows()).toEqual(booked);
      return booked.map((table) => table.length);
    };
    const gov = await run(govServices.orm, GovServicesProvince, [
      'rollup_day',
      'rollup_month',
      'rollup_duration',
      'rollup_duration_month',
      'rollup_item_month',
      'rollup_item_year',
      'rollup_centre_month',
      'rollup_centre_year',
    ]);
    const disputes = await run(governance.orm, GovernanceProvince, [
      'dispute_rollup_day',
      'dispute_rollup_month',
    ]);
    for (const count of [...gov, ...disputes]) expect(count).toBeGreaterThan(0);
  });

  it('places a city added to the directory under its province', async () => {
    const { data, errors } = await gateway.query<any>(
      'mutation { createRegion(input: { code: "990800", name: "新设市" }) { code level parent { code level } } }',
      {},
      { claims: hr },
    );
    expect(errors).toBeUndefined();
    expect(data.createRegion).toEqual({
      code: '990800',
      level: 'CITY',
      parent: { code: DEMO_PROVINCE_CODE, level: 'PROVINCE' },
    });
    // a city whose province the directory does not hold stands at the top, as the demo city does alone
    const alone = await gateway.query<any>(
      'mutation { createRegion(input: { code: "980700", name: "另一市" }) { code level parent { code } } }',
      {},
      { claims: hr },
    );
    expect(alone.errors).toBeUndefined();
    expect(alone.data.createRegion).toEqual({ code: '980700', level: 'CITY', parent: null });
  });
});

/** The same shape with every number 0: adding it sorts lists as `sum` does, leaving the figures. */
function zero(value: unknown): unknown {
  if (typeof value === 'number') return 0;
  if (Array.isArray(value)) return [];
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, zero(v)]));
  return value;
}
