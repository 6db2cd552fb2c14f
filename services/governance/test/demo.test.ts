import { DEMO_COUNTY_CODE, generateDemoCity } from '@county/demo-data';
import { regionCodePrefix } from '@county/domain';
import { countStatements, startTestGateway, startTestSubgraph } from '@county/test-kit';
import type { TestGateway, TestSubgraph } from '@county/test-kit';
import { peopleSubgraph } from '@county/people';
import { governanceSubgraph } from '@county/governance';

let people: TestSubgraph;
let governance: TestSubgraph;
let gateway: TestGateway;
const city = generateDemoCity({ counties: 1 });
const reader = { claims: { sub: 'dashboard', roles: ['leader' as const] } };

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  governance = await startTestSubgraph(governanceSubgraph, { demoCounties: 1, directory: people });
  gateway = await startTestGateway([people, governance]);
});
afterAll(async () => {
  await gateway?.stop();
  await governance?.close();
  await people?.close();
});

const sql = async <T>(text: string, params: unknown[] = []): Promise<T[]> =>
  governance.orm.em.fork().getConnection().execute<T[]>(text, params);

const STATS = `query ($code: ID!, $from: Date!, $to: Date!) {
  region(code: $code) {
    name
    disputeStats(from: $from, to: $to) {
      reported mediated resolved resolutionRate resolvedLocally localResolutionShare
      averageDaysToResolve p80DaysToResolve openRed openOrange
      visited returnVisitCoverage satisfactionRate relapses
      byKind { kind mediated resolved }
      byMonth { month mediated resolved }
    }
  }
}`;

describe('the demo county in 2019, through the gateway', () => {
  it('reproduces the published figures: 6222 mediated, 6209 resolved, 91% at township or village level', async () => {
    const { data, errors } = await gateway.query<any>(
      STATS,
      { code: DEMO_COUNTY_CODE, from: '2019-01-01', to: '2019-12-31' },
      reader,
    );
    expect(errors).toBeUndefined();
    const stats = data.region.disputeStats;
    expect(data.region.name).toBeTruthy();
    expect(stats.mediated).toBe(6222);
    expect(stats.resolved).toBe(6209);
    expect(Math.round(stats.localResolutionShare * 100)).toBe(91);
    expect(stats.byKind.length).toBe(10);
    expect(stats.byMonth.map((m: { month: string }) => m.month)).toEqual(
      Array.from({ length: 12 }, (_, m) => `2019-${String(m + 1).padStart(2, '0')}`),
    );
    // no month or kind holds most of the year: the spread is plausible
    for (const group of [...stats.byKind, ...stats.byMonth]) expect(group.mediated).toBeLessThan(6222 * 0.3);
    expect(stats.byMonth.reduce((sum: number, m: { mediated: number }) => sum + m.mediated, 0)).toBe(6222);
  });

  it('agrees with a plain SQL recount of the same rows', async () => {
    const { data } = await gateway.query<any>(
      STATS,
      { code: `${DEMO_COUNTY_CODE}001`, from: '2019-03-01', to: '2019-06-30' },
      reader,
    );
    const stats = data.region.disputeStats;
    const [count] = await sql<Record<string, string>>(
      `select count(*) as reported,
              sum(case when organization_id is not null then 1 else 0 end) as mediated,
              sum(case when status = 'RESOLVED' then 1 else 0 end) as resolved,
              sum(case when status = 'RESOLVED' and resolution_level <> 'COUNTY' then 1 else 0 end) as local
       from dispute
       where substr(region_code, 1, 9) = ? and reported_at >= '2019-03-01T00:00:00+08:00' and reported_at < '2019-07-01T00:00:00+08:00'`,
      [`${DEMO_COUNTY_CODE}001`],
    );
    expect(stats.reported).toBe(Number(count.reported));
    expect(stats.mediated).toBe(Number(count.mediated));
    expect(stats.resolved).toBe(Number(count.resolved));
    expect(stats.resolvedLocally).toBe(Number(count.local));
    const durations = (
      await sql<{ days: string }>(
        `select extract(epoch from resolved_at - reported_at) / 86400 as days from dispute
         where substr(region_code, 1, 9) = ? and status = 'RESOLVED'
           and reported_at >= '2019-03-01T00:00:00+08:00' and reported_at < '2019-07-01T00:00:00+08:00'`,
        [`${DEMO_COUNTY_CODE}001`],
      )
    )
      .map((row) => Number(row.days))
      .sort((a, b) => a - b);
    const mean = durations.reduce((a, b) => a + b, 0) / durations.length;
    expect(stats.averageDaysToResolve).toBeCloseTo(mean, 1);
    // percentile_cont: linear interpolation between the two nearest ranks
    const rank = 0.8 * (durations.length - 1);
    const p80 =
      durations[Math.floor(rank)] + (rank % 1) * (durations[Math.ceil(rank)] - durations[Math.floor(rank)]);
    expect(stats.p80DaysToResolve).toBeCloseTo(p80, 1);
    const [visits] = await sql<Record<string, string>>(
      `select count(distinct v.dispute_id) as visited, count(*) as visits,
              sum(case when v.satisfied then 1 else 0 end) as satisfied
       from return_visit v join dispute d on d.id = v.dispute_id
       where substr(d.region_code, 1, 9) = ? and d.status = 'RESOLVED'
         and d.reported_at >= '2019-03-01T00:00:00+08:00' and d.reported_at < '2019-07-01T00:00:00+08:00'`,
      [`${DEMO_COUNTY_CODE}001`],
    );
    expect(stats.visited).toBe(Number(visits.visited));
    expect(stats.returnVisitCoverage).toBeCloseTo(Number(visits.visited) / Number(count.resolved), 6);
    expect(stats.satisfactionRate).toBeCloseTo(Number(visits.satisfied) / Number(visits.visits), 6);
  });

  it('has three grid levels with one grid worker for each third-level grid', async () => {
    const rows = await sql<{ level: string; grids: string; workers: string }>(
      `select level, count(*) as grids, sum(cardinality(grid_worker_ids)) as workers from grid group by level order by level`,
    );
    const byLevel = Object.fromEntries(rows.map((r) => [r.level, r]));
    expect(Number(byLevel.FIRST.grids)).toBe(21);
    expect(Number(byLevel.SECOND.grids)).toBe(346);
    const gridWorkers = city.people.filter((p) => p.roles.includes('GRID_WORKER' as never)).length;
    expect(Number(byLevel.THIRD.grids)).toBe(gridWorkers);
    expect(Number(byLevel.THIRD.workers)).toBe(gridWorkers);
  });

  it('sums the risk villages of the county and each township in one statement, as the cockpit asks', async () => {
    const query = `{ region(code: "${DEMO_COUNTY_CODE}") { riskSummary(year: 2019) { judged atRisk high }
        children { code riskSummary(year: 2019) { judged atRisk high } } } }`;
    const run = await countStatements(governance.orm, () => gateway.query<any>(query, {}, reader));
    const { data, errors } = run.result as any;
    expect(errors).toBeUndefined();
    expect(data.region.children.length).toBeGreaterThan(1);
    for (const key of ['judged', 'atRisk', 'high'])
      expect(data.region.children.reduce((n: number, c: any) => n + c.riskSummary[key], 0)).toBe(
        data.region.riskSummary[key],
      );
    // one for the county, one for all its townships (not one per township)
    expect(run.sql.filter((text) => text.includes('risk_judgement'))).toHaveLength(2);
  });

  it('has 118 villages at risk (13 high, 58 medium, 47 low), each with a county leader', async () => {
    const { data, errors } = await gateway.query<any>(
      `{ region(code: "${DEMO_COUNTY_CODE}") { riskSummary(year: 2019) { judged atRisk high medium low leadersAssigned }
           riskVillages(year: 2019, level: HIGH, first: 100) { totalCount nodes { village { name level } leader { name position } } } } }`,
      {},
      reader,
    );
    expect(errors).toBeUndefined();
    expect(data.region.riskSummary).toEqual({
      judged: 346,
      atRisk: 118,
      high: 13,
      medium: 58,
      low: 47,
      leadersAssigned: city.people.filter((p) => p.roles.includes('COUNTY_LEADER' as never)).length,
    });
    expect(data.region.riskVillages.totalCount).toBe(13);
    for (const node of data.region.riskVillages.nodes) {
      expect(node.village.level).toBe('VILLAGE');
      expect(node.leader.name).toBeTruthy();
    }

    const [high] = await sql<{ region_code: string; leader_id: string }>(
      `select region_code, leader_id from risk_judgement where level = 'HIGH' order by region_code limit 1`,
    );
    const village = await gateway.query<any>(
      `query ($code: ID!, $leader: ID!) {
         region(code: $code) { riskJudgement(year: 2019) { level reasons leader { id roles } }
                               grids(first: 10) { totalCount nodes { level } } }
         person(id: $leader) { riskAssignments(year: 2019) { village { code } } } }`,
      { code: high.region_code, leader: high.leader_id },
      reader,
    );
    expect(village.errors).toBeUndefined();
    expect(village.data.region.riskJudgement).toMatchObject({
      level: 'HIGH',
      leader: { id: high.leader_id },
    });
    expect(village.data.region.riskJudgement.leader.roles).toContain('COUNTY_LEADER');
    expect(village.data.region.riskJudgement.reasons.length).toBeGreaterThan(0);
    expect(village.data.region.grids.nodes[0].level).toBe('SECOND');
    expect(village.data.region.grids.totalCount).toBe(village.data.region.grids.nodes.length);
    expect(
      village.data.person.riskAssignments.map((r: { village: { code: string } }) => r.village.code),
    ).toContain(high.region_code);
  });
});

describe('cross-subgraph fields through the gateway', () => {
  it('resolves a dispute’s region, mediator and grid workers from people, and a person’s grids and mediations', async () => {
    const { data, errors } = await gateway.query<any>(
      `{ disputes(regionCode: "${DEMO_COUNTY_CODE}", status: RESOLVED, first: 3) {
           totalCount
           nodes { kind region { name level parent { name } } mediator { id name roles }
                   organization { name level organization { name type } }
                   grid { code level gridWorkers { id name roles } parent { level } } steps { sequence action } } } }`,
      {},
      reader,
    );
    expect(errors).toBeUndefined();
    expect(data.disputes.totalCount).toBe(6209);
    const [first] = data.disputes.nodes;
    expect(first.region.level).toBe('VILLAGE');
    expect(first.mediator.roles).toContain('MEDIATOR');
    expect(first.grid.gridWorkers[0].roles).toContain('GRID_WORKER');
    expect(first.steps.map((s: { action: string }) => s.action)).toEqual([
      'REGISTER',
      'START_MEDIATION',
      'RESOLVE',
    ]);

    const worker = first.grid.gridWorkers[0];
    const mediator = first.mediator;
    const person = await gateway.query<any>(
      `query ($w: ID!, $m: ID!) { worker: person(id: $w) { name grids { code level } }
           mediator: person(id: $m) { name mediations(first: 5) { totalCount nodes { id } } } }`,
      { w: worker.id, m: mediator.id },
      reader,
    );
    expect(person.errors).toBeUndefined();
    expect(person.data.worker.grids.map((g: { code: string }) => g.code)).toContain(first.grid.code);
    expect(person.data.mediator.mediations.totalCount).toBeGreaterThan(0);
  });

  it('lists the mediations of a committee from the directory’s Organization', async () => {
    const committee = city.organizations.find(
      (o) => o.type === 'MEDIATION_COMMITTEE' && o.regionCode.length === 9,
    )!;
    const { data, errors } = await gateway.query<any>(
      `query ($id: ID!) { organization(id: $id) { name mediationOrganization { level kind }
           mediations(first: 2) { totalCount nodes { resolutionLevel } } } }`,
      { id: committee.id },
      reader,
    );
    expect(errors).toBeUndefined();
    expect(data.organization.mediationOrganization).toEqual({ level: 'TOWNSHIP', kind: 'PEOPLES_MEDIATION' });
    const [expected] = await sql<{ n: string }>(
      'select count(*) as n from dispute where organization_id = ?',
      [committee.id],
    );
    expect(data.organization.mediations.totalCount).toBe(Number(expected.n));
    expect(Number(expected.n)).toBeGreaterThan(0);
  });
});

describe('batching', () => {
  it('a page of 100 disputes with mediators, grids and organisations costs the same statements as a page of 5', async () => {
    const page = (first: number) =>
      `{ disputes(first: ${first}) { totalCount nodes { id mediator { id } grid { code gridWorkers { id } parent { code } } organization { name } } } }`;
    const small = await countStatements(governance.orm, () => governance.query(page(5)));
    const large = await countStatements(governance.orm, () => governance.query<any>(page(100)));
    expect(large.result.data.disputes.nodes).toHaveLength(100);
    expect(large.sql.length).toBe(small.sql.length);
    // page + count; grids and organisations; the grids' parents
    expect(large.sql.length).toBe(5);
  });

  it('100 Person references with their grids cost one statement', async () => {
    const workers = city.people.filter((p) => p.roles.includes('GRID_WORKER' as never)).slice(0, 100);
    const { result, sql: statements } = await countStatements(governance.orm, () =>
      governance.query<any>(
        `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id grids { code } } } }`,
        { r: workers.map((p) => ({ __typename: 'Person', id: p.id })) },
      ),
    );
    expect(result.data._entities).toHaveLength(100);
    for (const entity of result.data._entities) expect(entity.grids).toHaveLength(1);
    expect(statements).toHaveLength(1);
  });
});

describe('schema', () => {
  it('the entities agree with the committed migration (no change left to generate)', async () => {
    const diff = await governance.orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false });
    expect(diff.trim()).toBe('');
  });
});

describe('dispute lists, paged as plain SQL orders them', () => {
  const PAGE = `query ($code: ID!, $after: String) { region(code: $code) {
    disputes(status: RESOLVED, first: 37, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } } }`;

  it('walks a township’s resolved disputes page by page, with the count on every page', async () => {
    const township = city.regions.find((r) => r.level === 'TOWNSHIP')!;
    const expected = (
      await sql<{ id: string }>(
        `select id from dispute where region_code like ? and status = 'RESOLVED' order by reported_at, id`,
        [`${township.code.replace(/0+$/, '')}%`],
      )
    ).map((row) => row.id);
    expect(expected.length).toBeGreaterThan(37 * 2);
    const seen: string[] = [];
    let after: string | null = null;
    for (let more = true; more;) {
      const { data, errors }: { data?: any; errors?: unknown } = await gateway.query(
        PAGE,
        { code: township.code, after },
        reader,
      );
      expect(errors).toBeUndefined();
      const page: {
        totalCount: number;
        nodes: { id: string }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      } = data.region.disputes;
      expect(page.totalCount).toBe(expected.length);
      seen.push(...page.nodes.map((n: { id: string }) => n.id));
      [after, more] = [page.pageInfo.endCursor, page.pageInfo.hasNextPage];
    }
    expect(seen).toEqual(expected);
  });

  it('answers a cursor that does not fit the list’s columns with BAD_USER_INPUT on `after`', async () => {
    const cursor = Buffer.from(JSON.stringify(['yesterday', 'x'])).toString('base64url');
    const { errors } = await gateway.query(PAGE, { code: DEMO_COUNTY_CODE, after: cursor }, reader);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after', rule: 'cursor' });
  });

  it('pages a mediation committee’s disputes (its scope) as SQL does', async () => {
    const [{ organization_id: organization }] = await sql<{ organization_id: string }>(
      `select m.organization_id from dispute d join mediation_organization m on m.id = d.organization_id
        where m.organization_id is not null group by 1 order by count(*) desc limit 1`,
    );
    const expected = (
      await sql<{ id: string }>(
        `select d.id from dispute d join mediation_organization m on m.id = d.organization_id
          where m.organization_id = ? order by d.reported_at, d.id`,
        [organization],
      )
    ).map((row) => row.id);
    const seen: string[] = [];
    let after: string | null = null;
    for (let more = true; more;) {
      const { data, errors }: { data?: any; errors?: unknown } = await gateway.query(
        `query ($id: ID!, $after: String) { organization(id: $id) {
           mediations(first: 7, after: $after) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } } }`,
        { id: organization, after },
        reader,
      );
      expect(errors).toBeUndefined();
      const page: {
        totalCount: number;
        nodes: { id: string }[];
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
      } = data.organization.mediations;
      expect(page.totalCount).toBe(expected.length);
      seen.push(...page.nodes.map((n: { id: string }) => n.id));
      [after, more] = [page.pageInfo.endCursor, page.pageInfo.hasNextPage];
    }
    expect(seen).toEqual(expected);
    expect(seen.length).toBeGreaterThan(7);
  });
});

describe('the other governance lists, paged as plain SQL orders them', () => {
  type Connection = {
    totalCount: number;
    nodes: { id: string }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
  const PAGE = 'totalCount nodes { id } pageInfo { hasNextPage endCursor }';
  const township = city.regions.find((r) => r.level === 'TOWNSHIP')!;
  const prefix = (code: string) => `${regionCodePrefix(code)}%`;

  /** Up to three pages through the gateway, each `after` the last one's cursor: their ids and counts. */
  async function walk(query: string, variables: Record<string, unknown>, at: (data: any) => Connection) {
    const ids: string[] = [];
    const counts: number[] = [];
    let after: string | null = null;
    let more = true;
    for (let page = 0; more && page < 3; page++) {
      const { data, errors } = await gateway.query(query, { ...variables, after }, reader);
      expect(errors).toBeUndefined();
      const connection = at(data);
      counts.push(connection.totalCount);
      ids.push(...connection.nodes.map((node) => node.id));
      [after, more] = [connection.pageInfo.endCursor, connection.pageInfo.hasNextPage];
    }
    return { ids, counts, more };
  }

  async function expectSqlOrder(
    walked: { ids: string[]; counts: number[]; more: boolean },
    first: number,
    statement: string,
    params: unknown[],
  ) {
    const expected = (await sql<{ id: string }>(statement, params)).map((row) => row.id);
    expect(expected.length).toBeGreaterThan(first);
    expect(walked.ids).toEqual(expected.slice(0, walked.ids.length));
    expect(walked.ids.length).toBe(walked.more ? 3 * first : expected.length);
    for (const count of walked.counts) expect(count).toBe(expected.length);
  }

  it('petitions of a township received in a half-year', async () => {
    const walked = await walk(
      `query ($code: ID!, $after: String) { petitions(regionCode: $code, receivedFrom: "2019-01-01",
         receivedTo: "2019-06-30", first: 5, after: $after) { ${PAGE} } }`,
      { code: township.code },
      (data) => data.petitions,
    );
    await expectSqlOrder(
      walked,
      5,
      `select id from petition where region_code like ?
          and received_at >= '2019-01-01'::timestamp at time zone 'Asia/Shanghai'
          and received_at < '2019-07-01'::timestamp at time zone 'Asia/Shanghai' order by received_at, id`,
      [prefix(township.code)],
    );
  });

  it('second-level grids of a township, the grids under a grid, and a grid worker’s grid', async () => {
    await expectSqlOrder(
      await walk(
        `query ($code: ID!, $after: String) { grids(regionCode: $code, level: SECOND, first: 4, after: $after) { ${PAGE} } }`,
        { code: township.code },
        (data) => data.grids,
      ),
      4,
      `select id from grid where region_code like ? and level = 'SECOND' order by code, id`,
      [prefix(township.code)],
    );
    const [{ parent }] = await sql<{ parent: string }>(
      `select parent_id as parent from grid where parent_id is not null group by 1 order by count(*) desc, 1 limit 1`,
    );
    await expectSqlOrder(
      await walk(
        `query ($parent: ID!, $after: String) { grids(parentId: $parent, first: 2, after: $after) { ${PAGE} } }`,
        { parent },
        (data) => data.grids,
      ),
      2,
      `select id from grid where parent_id = ? order by code, id`,
      [parent],
    );
    // a grid worker works one grid in the demo: that one, and no other
    const [{ worker, id }] = await sql<{ worker: string; id: string }>(
      `select w as worker, id from grid, unnest(grid_worker_ids) w order by code desc limit 1`,
    );
    const { data } = await gateway.query<any>(
      `query ($worker: ID!) { grids(gridWorkerId: $worker) { totalCount nodes { id } } }`,
      { worker },
      reader,
    );
    expect(data.grids).toEqual({ totalCount: 1, nodes: [{ id }] });
  });

  it('mediation organisations of the county', async () => {
    await expectSqlOrder(
      await walk(
        `query ($code: ID!, $after: String) { mediationOrganizations(regionCode: $code, first: 6, after: $after) { ${PAGE} } }`,
        { code: DEMO_COUNTY_CODE },
        (data) => data.mediationOrganizations,
      ),
      6,
      `select id from mediation_organization where region_code like ? order by name, id`,
      [prefix(DEMO_COUNTY_CODE)],
    );
  });

  it('a region’s risk villages of a year (at risk, and at one level)', async () => {
    const [{ year }] = await sql<{ year: number }>(
      `select year from risk_judgement where level <> 'NONE' group by year order by count(*) desc limit 1`,
    );
    const RISK = `query ($code: ID!, $year: Int!, $level: RiskLevel, $after: String) { region(code: $code) {
      riskVillages(year: $year, level: $level, first: 3, after: $after) { ${PAGE} } } }`;
    await expectSqlOrder(
      await walk(RISK, { code: DEMO_COUNTY_CODE, year }, (data) => data.region.riskVillages),
      3,
      `select id from risk_judgement where year = ? and region_code like ? and level <> 'NONE' order by region_code, id`,
      [year, prefix(DEMO_COUNTY_CODE)],
    );
    await expectSqlOrder(
      await walk(RISK, { code: DEMO_COUNTY_CODE, year, level: 'NONE' }, (data) => data.region.riskVillages),
      3,
      `select id from risk_judgement where year = ? and region_code like ? and level = 'NONE' order by region_code, id`,
      [year, prefix(DEMO_COUNTY_CODE)],
    );
  });

  it('answers a grid list’s cursor that does not fit its columns with BAD_USER_INPUT on `after`', async () => {
    const cursor = Buffer.from(JSON.stringify(['G-1', 'not-a-uuid'])).toString('base64url');
    const { errors } = await gateway.query(`{ grids(after: "${cursor}") { totalCount } }`, {}, reader);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after', rule: 'cursor' });
  });
});
