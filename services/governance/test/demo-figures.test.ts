import { DEMO_COUNTY_CODE, JIANGYIN_SHAPED_COUNTY_CODE } from '@county/demo-data';
import { startTestGateway, startTestSubgraph } from '@county/test-kit';
import type { TestGateway, TestSubgraph } from '@county/test-kit';
import { peopleSubgraph } from '@county/people';
import { governanceSubgraph } from '@county/governance';

/*
 * Reports 001 and 004's governance figures, as a dashboard asks for them of the demo: two counties, the
 * default one (东海县's shape) and the second (江阴市's), seeded by the subgraphs' own seeders.
 */
let people: TestSubgraph;
let governance: TestSubgraph;
let gateway: TestGateway;
const reader = { claims: { sub: 'dashboard', roles: ['leader' as const] } };

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 2 });
  governance = await startTestSubgraph(governanceSubgraph, { demoCounties: 2, directory: people });
  gateway = await startTestGateway([people, governance]);
}, 180_000);
afterAll(async () => {
  await gateway?.stop();
  await governance?.close();
  await people?.close();
});

describe('published governance figures, through the gateway', () => {
  it('assigns the demo county’s 118 risk villages to 26 county leaders, each a county leader of the directory', async () => {
    const { data, errors } = await gateway.query<any>(
      `query ($code: ID!) { region(code: $code) { riskSummary(year: 2019) { atRisk leadersAssigned } } }`,
      { code: DEMO_COUNTY_CODE },
      reader,
    );
    expect(errors).toBeUndefined();
    expect(data.region.riskSummary).toEqual({ atRisk: 118, leadersAssigned: 26 });

    // the same leaders, page by page, as the cockpit's list shows them
    const leaders = new Map<string, string[]>();
    let villages = 0;
    for (let after: string | null = null, more = true; more;) {
      const page: any = await gateway.query<any>(
        `query ($code: ID!, $after: String) { region(code: $code) {
           riskVillages(year: 2019, first: 100, after: $after) {
             nodes { leader { id roles } } pageInfo { hasNextPage endCursor } } } }`,
        { code: DEMO_COUNTY_CODE, after },
        reader,
      );
      expect(page.errors).toBeUndefined();
      const { nodes, pageInfo } = page.data.region.riskVillages;
      for (const node of nodes) leaders.set(node.leader.id, node.leader.roles);
      villages += nodes.length;
      [after, more] = [pageInfo.endCursor, pageInfo.hasNextPage];
    }
    expect(villages).toBe(118);
    expect(leaders.size).toBe(26);
    for (const roles of leaders.values()) expect(roles).toContain('COUNTY_LEADER');
  });

  it('has 17 first-level, 271 second-level and 1558 third-level grids in the 江阴-shaped county', async () => {
    const { data, errors } = await gateway.query<any>(
      `query ($code: ID!) { region(code: $code) { name level
         first: grids(level: FIRST, first: 1) { totalCount }
         second: grids(level: SECOND, first: 1) { totalCount }
         third: grids(level: THIRD, first: 1) { totalCount nodes { gridWorkers { roles } } } } }`,
      { code: JIANGYIN_SHAPED_COUNTY_CODE },
      reader,
    );
    expect(errors).toBeUndefined();
    expect(data.region.level).toBe('COUNTY');
    expect([data.region.first, data.region.second, data.region.third].map((g) => g.totalCount)).toEqual([
      17, 271, 1558,
    ]);
    expect(data.region.third.nodes[0].gridWorkers[0].roles).toContain('GRID_WORKER');
  });
});
