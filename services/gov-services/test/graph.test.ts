import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { countStatements, startTestGateway, type TestGateway, type TestSubgraph } from '@county/test-kit';
import { city, countyCentre, items, startFixtures, townshipCentre } from './fixtures';
import { loadDemoCases } from '../src/seeders/seed';

let people: TestSubgraph;
let gov: TestSubgraph;
let gateway: TestGateway;
const leader = { claims: { sub: 'leader', roles: ['leader' as const] } };

beforeAll(async () => {
  ({ people, gov } = await startFixtures());
  // a scaled-down demo (1 % of two years) is enough to check the figures against SQL over the cases
  await gov.orm.em.fork().transactional((em) => loadDemoCases(em, city, [2018, 2019], '2019-12-31', 0.01));
  gateway = await startTestGateway([people, gov]);
}, 90_000);
afterAll(async () => {
  await gateway.stop();
  await gov.close();
  await people.close();
});

const STATS = `query ($code: ID!) { region(code: $code) { name serviceStats(from: "2019-01-01", to: "2019-12-31") {
  received completed receivedPreviousYear yearOnYearGrowth p50WorkingDays p80WorkingDays onTimeRate onlineShare
  oneVisitShare ratings satisfactionShare badReviews targetCases targetAttainment
  byMonth { month received } byChannel { channel received } byLevel { level received }
  topItems { item { name responsibleOrganization { name } } received } topCentres { centre { name } received } } } }`;

const sql = async (query: string, params: unknown[] = []) =>
  (await gov.orm.em.fork().getConnection().execute(query, params))[0];

describe('Region.serviceStats through the gateway', () => {
  it('answers the county from the rollups, agreeing with SQL over the cases', async () => {
    const { data, errors } = await gateway.query<any>(STATS, { code: DEMO_COUNTY_CODE }, leader);
    expect(errors).toBeUndefined();
    const stats = data.region.serviceStats;
    const truth = await sql(`select count(*)::int received,
        count(*) filter (where channel = 'ONLINE')::int online,
        percentile_disc(0.5) within group (order by working_days) filter (where completed_at is not null
          and (completed_at at time zone 'Asia/Shanghai')::date between '2019-01-01' and '2019-12-31') p50
      from service_case where (received_at at time zone 'Asia/Shanghai')::date between '2019-01-01' and '2019-12-31'`);
    const previous = await sql(`select count(*)::int n from service_case
      where (received_at at time zone 'Asia/Shanghai')::date between '2018-01-01' and '2018-12-31'`);
    expect(stats.received).toBe(truth.received);
    expect(stats.received).toBeGreaterThan(2000);
    expect(stats.receivedPreviousYear).toBe(previous.n);
    expect(stats.yearOnYearGrowth).toBeCloseTo(truth.received / previous.n - 1, 6);
    expect(stats.onlineShare).toBeCloseTo(truth.online / truth.received, 6);
    expect(stats.p50WorkingDays).toBe(truth.p50);
    expect(stats.p80WorkingDays).toBeGreaterThanOrEqual(stats.p50WorkingDays);
    expect(stats.byMonth).toHaveLength(12);
    expect(stats.byMonth.reduce((s: number, m: { received: number }) => s + m.received, 0)).toBe(
      stats.received,
    );
    expect(stats.byChannel.reduce((s: number, m: { received: number }) => s + m.received, 0)).toBe(
      stats.received,
    );
    expect(stats.onTimeRate).toBeGreaterThan(0.95);
    expect(stats.satisfactionShare).toBeGreaterThan(0.99);
    expect(stats.topItems[0].item.responsibleOrganization.name).toEqual(expect.any(String));
    expect(stats.topCentres[0].centre.name).toEqual(expect.any(String));
  });

  it.each([
    ['partial months at both ends', '2019-02-10', '2019-05-20'],
    ['inside one month', '2019-03-05', '2019-03-25'],
    ['whole months but not a year', '2019-04-01', '2019-06-30'],
    ['across a year end', '2018-11-15', '2019-01-31'],
  ])(
    'reads whole months from the month tier and the edge days from the day tier: %s',
    async (_case, from, to) => {
      const { data, errors } = await gateway.query<any>(
        `{ region(code: "${DEMO_COUNTY_CODE}") { serviceStats(from: "${from}", to: "${to}") {
          received completed receivedPreviousYear p50WorkingDays p80WorkingDays byMonth { month received }
          topItems { received } } } }`,
        {},
        leader,
      );
      expect(errors).toBeUndefined();
      const stats = data.region.serviceStats;
      const day = (column: string) => `(${column} at time zone 'Asia/Shanghai')::date`;
      const truth = await sql(
        `select count(*) filter (where ${day('received_at')} between ?::date and ?::date)::int received,
           count(*) filter (where ${day('completed_at')} between ?::date and ?::date)::int completed,
           count(*) filter (where ${day('received_at')} between (?::date - interval '1 year')::date
             and (?::date - interval '1 year')::date)::int previous,
           percentile_disc(0.5) within group (order by working_days)
             filter (where ${day('completed_at')} between ?::date and ?::date) p50,
           percentile_disc(0.8) within group (order by working_days)
             filter (where ${day('completed_at')} between ?::date and ?::date) p80
         from service_case`,
        [from, to, from, to, from, to, from, to, from, to],
      );
      expect(stats.received).toBeGreaterThan(0);
      expect(stats).toMatchObject({
        received: truth.received,
        completed: truth.completed,
        receivedPreviousYear: truth.previous,
        p50WorkingDays: truth.p50,
        p80WorkingDays: truth.p80,
      });
      const months = await sql(
        `select count(distinct to_char(${day('received_at')}, 'YYYY-MM'))::int n from service_case
          where ${day('received_at')} between ?::date and ?::date`,
        [from, to],
      );
      expect(stats.byMonth).toHaveLength(months.n);
      expect(stats.byMonth.reduce((s: number, m: { received: number }) => s + m.received, 0)).toBe(
        truth.received,
      );
      expect(stats.topItems.length).toBeGreaterThan(0);
    },
  );

  it('reads every figure in one statement, and a top list only when it is asked for (once, whatever the aliases)', async () => {
    // periods asked nowhere else: the subgraph's answer cache cannot hide a statement
    const statementsFor = async (from: string, to: string, fields: string) => {
      const { result, sql: statements } = await countStatements(gov.orm, () =>
        gateway.query<any>(
          `{ region(code: "${DEMO_COUNTY_CODE}") { serviceStats(from: "${from}", to: "${to}") { ${fields} } } }`,
          {},
          leader,
        ),
      );
      expect(result.errors).toBeUndefined();
      // the region itself may come from this subgraph's copy of the directory (shared with people): one
      // statement at most, and not what is counted here
      const copy = statements.filter((statement) => statement.includes('"directory_region"'));
      expect(copy.length).toBeLessThanOrEqual(1);
      return {
        stats: result.data.region.serviceStats,
        statements: statements.filter((statement) => !copy.includes(statement)),
      };
    };
    const figures = await statementsFor(
      '2019-07-01',
      '2019-07-31',
      'received completed yearOnYearGrowth byMonth { month received } p80WorkingDays onTimeRate badReviews',
    );
    expect(figures.stats.received).toBeGreaterThan(0);
    expect(figures.statements).toHaveLength(1);
    const tops = await statementsFor(
      '2019-08-01',
      '2019-08-31',
      'received topItems { item { name } received } topCentres { centre { name } received }',
    );
    expect(tops.stats.topItems[0].item.name).toEqual(expect.any(String));
    // the figures, each list, each list's items or centres
    expect(tops.statements).toHaveLength(5);
    const aliases = await statementsFor(
      '2019-09-01',
      '2019-09-30',
      'a: topItems { received } b: topItems { received }',
    );
    expect(aliases.stats.a).toEqual(aliases.stats.b);
    expect(aliases.statements).toHaveLength(2);
  });

  it('lists channels and levels in a stable order, whatever plan PostgreSQL picks (answers are compared byte for byte)', async () => {
    const { data } = await gateway.query<any>(STATS, { code: DEMO_COUNTY_CODE }, leader);
    const { byChannel, byLevel } = data.region.serviceStats;
    const names = (list: { channel?: string; level?: string }[]) => list.map((x) => x.channel ?? x.level!);
    expect(byChannel.length).toBeGreaterThan(1);
    expect(names(byChannel)).toEqual([...names(byChannel)].sort());
    expect(byLevel.length).toBeGreaterThan(1);
    expect(names(byLevel)).toEqual([...names(byLevel)].sort());
  });

  it('answers the city and a township: the city equals its one county here, a township is a part', async () => {
    const cityStats = await gateway.query<any>(STATS, { code: '990700' }, leader);
    const countyStats = await gateway.query<any>(STATS, { code: DEMO_COUNTY_CODE }, leader);
    const townshipStats = await gateway.query<any>(STATS, { code: townshipCentre.region_code }, leader);
    expect(cityStats.data.region.serviceStats.received).toBe(countyStats.data.region.serviceStats.received);
    const part = townshipStats.data.region.serviceStats.received;
    expect(part).toBeGreaterThan(0);
    expect(part).toBeLessThan(countyStats.data.region.serviceStats.received);
  });

  it('refuses a period that ends before it starts, or a year the calendar does not know', async () => {
    const bad = (from: string, to: string) =>
      gateway.query<any>(
        `{ region(code: "${DEMO_COUNTY_CODE}") { serviceStats(from: "${from}", to: "${to}") { received } } }`,
        {},
        leader,
      );
    expect((await bad('2019-05-01', '2019-04-01')).errors![0].extensions).toMatchObject({
      field: 'to',
      rule: 'range',
    });
    expect((await bad('2019-05-01', '2031-04-01')).errors![0].extensions).toMatchObject({
      rule: expect.stringMatching(/calendar|max/),
    });
  });
});

describe('the directory entities extended', () => {
  it('Organization.serviceItems: the items a department is responsible for', async () => {
    const department = items[0].responsible_organization_id;
    const expected = items.filter((i) => i.responsible_organization_id === department).length;
    const { data, errors } = await gateway.query<any>(
      `query ($id: ID!) { organization(id: $id) { name serviceItems(first: 100) { totalCount nodes { name statutoryLimit committedLimit } } } }`,
      { id: department },
      leader,
    );
    expect(errors).toBeUndefined();
    expect(data.organization.name).toContain('市场监督管理局');
    expect(data.organization.serviceItems.totalCount).toBe(expected);
    for (const item of data.organization.serviceItems.nodes)
      expect(item.committedLimit).toBeLessThanOrEqual(item.statutoryLimit);
  });

  it('Person.proxyCases: the cases a proxy agent handled, with the agent resolved back from people', async () => {
    const agent = countyCentre.agents[0];
    const { n } = await sql('select count(*)::int n from service_case where proxy_agent_id = ?', [agent]);
    const { data, errors } = await gateway.query<any>(
      `query ($id: ID!) { person(id: $id) { name proxyCases(first: 5) { totalCount nodes { channel proxyAgent { name } item { name } centre { name } } } } }`,
      { id: agent },
      leader,
    );
    expect(errors).toBeUndefined();
    expect(n).toBeGreaterThan(0);
    expect(data.person.proxyCases.totalCount).toBe(n);
    for (const node of data.person.proxyCases.nodes) {
      expect(node.channel).toBe('PROXY');
      expect(node.proxyAgent.name).toBe(data.person.name);
      expect(node.centre.name).toBe(countyCentre.name);
    }
  });

  it('lists centres and items with filters and pages', async () => {
    const { data } = await gateway.query<any>(
      `{ serviceCentres(regionCode: "${DEMO_COUNTY_CODE}", level: TOWNSHIP, first: 100) { totalCount nodes { windows organization { name } } }
         serviceItems(regionCode: "${DEMO_COUNTY_CODE}", highFrequency: true) { totalCount } }`,
      {},
      leader,
    );
    expect(data.serviceCentres.totalCount).toBe(21);
    expect(data.serviceCentres.nodes[0].organization.name).toContain('便民服务中心');
    expect(data.serviceItems.totalCount).toBe(115);
  });
});

describe('schema', () => {
  it('the entities agree with the committed migration (no change left to generate)', async () => {
    const diff = await gov.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });
});
