import { peopleSubgraph } from '@county/people';
import { reformSubgraph } from '@county/reform';
import { pilotsSubgraph } from '@county/pilots';
import { governanceSubgraph } from '@county/governance';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { creditCodeCheckChar } from '@county/domain';
import { startTestGateway, startTestSubgraph, type TestGateway, type TestSubgraph } from '@county/test-kit';

/*
 * The region without its owner: with people down, `region(code)` and the region's name, level and children
 * come from the copy of the region tree each directory-using subgraph keeps (the gateway sends the failed
 * root fetch to one of them), and every other domain's figures hang off it as before.
 */
const YEAR = 2019;
const leader = { claims: { sub: 'people-down-leader', roles: ['leader'] } };
const METRICS_TOKEN = 'people-down-metrics-token-0123456789';
const hr = { claims: { sub: 'people-down-hr', roles: ['hr'] } };

// what the cockpit asks of a region, people's own panel switched off as its retry does
const DASHBOARD = `query Dashboard($code: ID!, $year: Int!, $from: Date!, $to: Date!, $withWorkforce: Boolean!) {
  region(code: $code) {
    code
    name
    level
    parent { code name }
    children { code name level riskSummary(year: $year) { atRisk high } }
    reformStats(year: $year) { total completed lagging completionRate }
    pilotStats(year: $year) { carried pursuing leadsWon }
    disputeStats(from: $from, to: $to) { reported mediated resolved }
    riskSummary(year: $year) { atRisk high medium low }
    workforceStats @include(if: $withWorkforce) { cadresInSecondment }
  }
  laggingTasks: reformTasks(year: $year, regionCode: $code, first: 3) {
    totalCount
    nodes { id leadOrganization { id name } }
  }
}`;
const variables = (withWorkforce: boolean) => ({
  code: DEMO_COUNTY_CODE,
  year: YEAR,
  from: `${YEAR}-01-01`,
  to: `${YEAR}-12-31`,
  withWorkforce,
});

let people: TestSubgraph;
let domains: TestSubgraph[];
let gateway: TestGateway;

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  domains = await Promise.all(
    [reformSubgraph, pilotsSubgraph, governanceSubgraph].map((definition) =>
      startTestSubgraph(definition, { demoCounties: 1, directory: people }),
    ),
  );
  gateway = await startTestGateway([people, ...domains], {
    RESPONSE_CACHE_TTL_MS: '0',
    RESPONSE_SHARING: 'false',
    SUBGRAPH_READ_TIMEOUT_MS: '2000',
    METRICS_TOKEN: METRICS_TOKEN,
  });
}, 180_000);
afterAll(async () => {
  await gateway?.stop();
  await Promise.all(domains.map((s) => s.close()));
  await people?.database.drop();
});

it('writes nothing but its sync time when people has not changed (no WAL, no dead rows for nothing)', async () => {
  const [reform] = domains;
  await reform.syncRegionCopy!();
  const sql = (query: string) => reform.orm.em.fork().getConnection().execute<{ at: Date }[]>(query);
  const [rowsBefore] = await sql(`select max(xmin::text::bigint) as at from directory_region`);
  const [syncBefore] = await sql(`select synced_at as at from directory_copy_sync`);
  await reform.syncRegionCopy!();
  const [rowsAfter] = await sql(`select max(xmin::text::bigint) as at from directory_region`);
  const [syncAfter] = await sql(`select synced_at as at from directory_copy_sync`);
  expect(rowsAfter.at).toEqual(rowsBefore.at);
  expect(new Date(syncAfter.at).getTime()).toBeGreaterThan(new Date(syncBefore.at).getTime());
});

const CREDIT_BODY = '11990722MB0099001';
const CREDIT_CODE = CREDIT_BODY + creditCodeCheckChar(CREDIT_BODY);

it('reads a region and an organisation people made since the last sync straight from people', async () => {
  const village = await gateway.query<any>(
    `mutation { createRegion(input: { code: "${DEMO_COUNTY_CODE}001099", name: "新设村" }) { code } }`,
    {},
    hr,
  );
  expect(village.errors).toBeUndefined();
  const organization = await gateway.query<any>(
    `mutation { createOrganization(input: { name: "新设中心", type: GOVERNMENT_DEPARTMENT, regionCode: "${DEMO_COUNTY_CODE}", creditCode: "${CREDIT_CODE}" }) { id } }`,
    {},
    hr,
  );
  expect(organization.errors).toBeUndefined();
  const id = organization.data.createOrganization.id;
  // asked of a domain subgraph whose copy has neither yet, as the gateway would when it plans there
  const answer = await domains[0].query<any>(
    `{ region: regionCopy(code: "${DEMO_COUNTY_CODE}001099") { name level parent { code } }
       _entities(representations: [{ __typename: "Organization", id: "${id}" }]) { ... on Organization { name } } }`,
  );
  expect(answer.errors).toBeUndefined();
  expect(answer.data).toEqual({
    region: { name: '新设村', level: 'VILLAGE', parent: { code: `${DEMO_COUNTY_CODE}001` } },
    _entities: [{ name: '新设中心' }],
  });
});

// a region's lists, beside its statistics (the cockpit's one call per subgraph): the root lists' answers
const REGION_LISTS = `query ($code: ID!, $year: Int!) {
  region(code: $code) {
    reformTasks(year: $year, lagging: true, orderBy: MOST_BEHIND, first: 5) { totalCount nodes { id } }
    supervisionOrders(year: $year, first: 100) { totalCount nodes { id task { regionCode } } }
    resultsBoard(year: $year, first: 6) { rank total organization { id } }
    pilots(first: 50) { totalCount nodes { id } }
    disputes(first: 50) { totalCount nodes { id } }
  }
  reformTasks(year: $year, regionCode: $code, lagging: true, orderBy: MOST_BEHIND, first: 5) { totalCount nodes { id } }
  allOrders: supervisionOrders(year: $year, first: 100) { totalCount nodes { id task { regionCode } } }
  resultsBoard(year: $year, regionCode: $code, first: 6) { rank total organization { id } }
  pilots(regionCode: $code, first: 50) { totalCount nodes { id } }
  disputes(regionCode: $code, first: 50) { totalCount nodes { id } }
}`;

it("lists a region's tasks, orders, board, pilots and disputes on Region as the root lists do for its code", async () => {
  const county = await gateway.query<any>(REGION_LISTS, { code: DEMO_COUNTY_CODE, year: YEAR }, leader);
  expect(county.errors).toBeUndefined();
  const { region, allOrders, ...root } = county.data;
  for (const list of ['reformTasks', 'resultsBoard', 'pilots', 'disputes'])
    expect(region[list]).toEqual(root[list]);
  expect(region.reformTasks.totalCount).toBeGreaterThan(0);
  expect(region.pilots.totalCount).toBeGreaterThan(0);
  expect(region.disputes.totalCount).toBeGreaterThan(0);
  expect(allOrders.totalCount).toBeLessThanOrEqual(100); // the whole list fits one page: compare all of it
  const inRegion = (code: string) => allOrders.nodes.filter((o: any) => o.task.regionCode.startsWith(code));
  expect(region.supervisionOrders.nodes).toEqual(inRegion(DEMO_COUNTY_CODE));
  expect(region.supervisionOrders.totalCount).toBeGreaterThan(0);

  // a township's are its own: the orders of its tasks only, its organisations ranked among themselves
  const [{ regionCode: township }] = allOrders.nodes
    .map((o: any) => ({ regionCode: o.task.regionCode.slice(0, 9) }))
    .filter((o: any) => o.regionCode.length === 9);
  const below = await gateway.query<any>(REGION_LISTS, { code: township, year: YEAR }, leader);
  expect(below.errors).toBeUndefined();
  expect(below.data.region.supervisionOrders.nodes).toEqual(
    allOrders.nodes.filter((o: any) => o.task.regionCode.startsWith(township)),
  );
  expect(below.data.region.supervisionOrders.totalCount).toBeLessThan(region.supervisionOrders.totalCount);
  for (const list of ['reformTasks', 'resultsBoard', 'pilots', 'disputes'])
    expect(below.data.region[list]).toEqual(below.data[list]);

  // bad input on a region's list: the field and the rule, nothing else
  const bad = await gateway.query<any>(
    `{ region(code: "${DEMO_COUNTY_CODE}") { name pilots(first: -1) { totalCount } } }`,
    {},
    leader,
  );
  expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  expect(bad.data.region.name).toBeTruthy();
  expect(bad.data.region.pilots).toBeNull();
});

it('answers the region from a copy, renamed after a sync, with every other domain while people is down', async () => {
  const before = await gateway.query<any>(DASHBOARD, variables(true), leader);
  expect(before.errors).toBeUndefined();
  const township = before.data.region.children[0];
  const renamed = await gateway.query<any>(
    `mutation { updateRegion(code: "${township.code}", input: { name: "${township.name}新区" }) { name } }`,
    {},
    hr,
  );
  expect(renamed.errors).toBeUndefined();
  // the copies catch up at their next sync; a test does not wait five minutes for it
  for (const domain of domains) expect(await domain.syncRegionCopy!()).toBeGreaterThan(100);
  const ready = (await (await fetch(new URL('/readyz', domains[0].url))).json()) as Record<string, any>;
  expect(ready.regionCopy.ageSeconds).toBeLessThan(60);

  await people.stop();
  const down = await gateway.query<any>(DASHBOARD, variables(false), leader);
  expect(down.errors).toBeUndefined();
  const { workforceStats, ...domainFigures } = before.data.region;
  expect(workforceStats).toBeTruthy();
  expect(down.data.region).toEqual({
    ...domainFigures,
    children: domainFigures.children.map((child: { code: string; name: string }) =>
      child.code === township.code ? { ...child, name: `${township.name}新区` } : child,
    ),
  });
  // other domains' records keep the names of the organisations they name (from the copies too)
  expect(down.data.laggingTasks).toEqual(before.data.laggingTasks);
  expect(before.data.laggingTasks.nodes[0].leadOrganization.name).toBeTruthy();

  // asked for beside the region, people's own figures are in people's fetch: no copy can run it, so the
  // region is lost with them, said by people's error (the cockpit then asks again without them)
  const withPeople = await gateway.query<any>(DASHBOARD, variables(true), leader);
  expect(withPeople.errors?.map((e) => e.extensions)).toEqual([
    expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', serviceName: 'people' }),
  ]);
  expect(withPeople.data.region).toBeNull();

  // a region's own fields alone: the fetch the planner may leave to people goes to a copy instead
  const header = await gateway.query<any>(`{ region(code: "${township.code}") { name level } }`, {}, leader);
  expect(header).toMatchObject({ data: { region: { name: `${township.name}新区`, level: 'TOWNSHIP' } } });
  expect(header.errors).toBeUndefined();

  // the picker's tree, too
  const tree = await gateway.query<any>(
    '{ regions(level: CITY) { code name children { code name level } } }',
    {},
    leader,
  );
  expect(tree.errors).toBeUndefined();
  expect(tree.data.regions[0].children.map((c: { code: string }) => c.code)).toContain(DEMO_COUNTY_CODE);

  // the gateway counts the failovers, by subgraph, fallback and outcome
  const metrics = await (
    await fetch(new URL('/metrics', gateway.url), { headers: { authorization: `Bearer ${METRICS_TOKEN}` } })
  ).text();
  expect(metrics).toMatch(
    /subgraph_failovers_total\{[^}]*subgraph="people"[^}]*outcome="answered"[^}]*\} [1-9]/,
  );
});

it('answers regions(parentCode:) from a copy as people would: NOT_FOUND for an unknown parent, [] for a leaf', async () => {
  await people.stop().catch(() => undefined); // stopped by the test above; alone, stopped here
  const REGIONS = 'query ($code: ID) { regions(parentCode: $code) { code } }';
  const unknown = await gateway.query<any>(REGIONS, { code: '990799' }, leader);
  expect(unknown.data).toBeNull();
  expect(unknown.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'parentCode' });
  expect(unknown.errors?.[0].message).toContain('990799');

  const townships = await gateway.query<any>(REGIONS, { code: DEMO_COUNTY_CODE }, leader);
  expect(townships.errors).toBeUndefined();
  const villages = await gateway.query<any>(REGIONS, { code: townships.data.regions[0].code }, leader);
  expect(villages.data.regions.length).toBeGreaterThan(0);
  const leaf = await gateway.query<any>(REGIONS, { code: villages.data.regions[0].code }, leader);
  expect(leaf.errors).toBeUndefined();
  expect(leaf.data).toEqual({ regions: [] });
});

it('starts a directory-using subgraph while people is down, on the copy it holds, and says so', async () => {
  await people.stop().catch(() => undefined); // stopped by the test above; alone, stopped here
  const started = Date.now();
  const late = await startTestSubgraph(pilotsSubgraph, { directory: people });
  try {
    expect(Date.now() - started).toBeLessThan(15_000);
    const ready = (await (await fetch(new URL('/readyz', late.url))).json()) as Record<string, any>;
    expect(ready.status).toBe('ready');
    expect(ready.regionCopy).toMatchObject({ syncedAt: null, ageSeconds: null });
    expect(ready.regionCopy.lastError).toMatch(/directory/i);
    await expect(late.syncRegionCopy!()).rejects.toThrow();
  } finally {
    await late.close();
  }
});
