import { DEMO_COUNTY_CODE } from '@county/demo-data';
import {
  countStatements,
  startTestGateway,
  startTestSubgraph,
  type TestGateway,
  type TestSubgraph,
} from '@county/test-kit';
import { peopleSubgraph } from '@county/people';
import { reformSubgraph } from '@county/reform';

let people: TestSubgraph;
let reform: TestSubgraph;
let gateway: TestGateway;
const leader = { claims: { sub: 'test-leader', roles: ['leader'] } };

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  reform = await startTestSubgraph(reformSubgraph, { demoCounties: 1, directory: people });
  gateway = await startTestGateway([people, reform]);
});
afterAll(async () => {
  await gateway?.stop();
  await reform?.close();
  await people?.close();
});

describe('cross-subgraph fields through the gateway', () => {
  it('a task names its lead organisation, cooperating units, leader and region from the directory', async () => {
    const result = await gateway.query<any>(
      `{ reformTasks(year: 2019, keyOnly: true, first: 5) { nodes { code leadOrganization { name type } cooperatingOrganizations { name } leader { name position } region { name level } } } }`,
      {},
      leader,
    );
    expect(result.errors).toBeUndefined();
    const nodes = result.data.reformTasks.nodes;
    expect(nodes.length).toBeGreaterThan(0);
    for (const task of nodes) {
      expect(task.leadOrganization.name).toEqual(expect.any(String));
      expect(task.leader.position).toMatch(/县/);
      expect(task.region.name).toEqual(expect.any(String));
    }
  });

  it('Region gets reformStats, Organization its led and cooperating tasks, Person its linked tasks', async () => {
    const result = await gateway.query<any>(
      `{ region(code: "${DEMO_COUNTY_CODE}") {
           name
           reformStats(year: 2020) { total lagging completionRate bySpecialGroup { specialGroup { name } total }
             byLeadOrganization { organization { name } total } }
           children { code reformStats(year: 2020) { total } }
         }
         organizations(regionCode: "${DEMO_COUNTY_CODE}", type: GOVERNMENT_DEPARTMENT, first: 100) {
           nodes { id name ledReformTasks(year: 2020) { code leadOrganization { id } } cooperatingReformTasks(year: 2020) { code cooperatingOrganizations { id } } }
         }
         people(regionCode: "${DEMO_COUNTY_CODE}", role: COUNTY_LEADER, first: 50) {
           nodes { id name linkedReformTasks(year: 2020) { code leader { id } } }
         }
       }`,
      {},
      leader,
    );
    expect(result.errors).toBeUndefined();
    const region = result.data.region;
    expect(region.reformStats.total).toBeGreaterThan(50);
    expect(region.reformStats.bySpecialGroup).toHaveLength(10);
    expect(region.reformStats.byLeadOrganization[0].organization.name).toEqual(expect.any(String));
    // the county's total includes its townships' tasks
    const townships = region.children.reduce((sum: number, c: any) => sum + c.reformStats.total, 0);
    expect(townships).toBeGreaterThan(0);
    expect(townships).toBeLessThan(region.reformStats.total);

    const organizations = result.data.organizations.nodes;
    const led = organizations.flatMap((o: any) =>
      o.ledReformTasks.map((t: any) => [o.id, t.leadOrganization.id]),
    );
    expect(led.length).toBeGreaterThan(20);
    for (const [org, lead] of led) expect(lead).toBe(org);
    const cooperating = organizations.flatMap((o: any) =>
      o.cooperatingReformTasks.map((t: any) =>
        t.cooperatingOrganizations.map((c: any) => c.id).includes(o.id),
      ),
    );
    expect(cooperating.length).toBeGreaterThan(10);
    expect(cooperating.every(Boolean)).toBe(true);

    const linked = result.data.people.nodes.flatMap((p: any) =>
      p.linkedReformTasks.map((t: any) => t.leader.id === p.id),
    );
    expect(linked.length).toBeGreaterThan(0);
    expect(linked.every(Boolean)).toBe(true);
  });
});

describe('ledger file route behind the gateway', () => {
  it('serves /files/reform/ledger.xlsx to a signed-in caller only', async () => {
    const url = `${gateway.url}/files/reform/ledger.xlsx?year=2019`;
    const signedIn = await fetch(url, {
      headers: { authorization: `Bearer ${await gateway.token(leader.claims)}` },
    });
    expect(signedIn.status).toBe(200);
    const file = Buffer.from(await signedIn.arrayBuffer());
    expect(file.subarray(0, 2).toString()).toBe('PK');
    expect((await fetch(url)).status).toBe(401);
  });
});

describe('statements', () => {
  it('a 100-task page with leaders, lead organisations and progress costs the reform subgraph a fixed number of statements', async () => {
    const query = (first: number) =>
      `{ reformTasks(first: ${first}) { totalCount nodes { code leader { name } leadOrganization { name leader { name } } specialGroup { name } progress { lagging } } } }`;
    const small = await countStatements(reform.orm, () => gateway.query<any>(query(5), {}, leader));
    const large = await countStatements(reform.orm, () => gateway.query<any>(query(100), {}, leader));
    expect(large.result.errors).toBeUndefined();
    expect(large.result.data.reformTasks.nodes).toHaveLength(100);
    expect(large.result.data.reformTasks.nodes.filter((t: any) => t.leader).length).toBeGreaterThan(5);
    expect(large.result.data.reformTasks.nodes.every((t: any) => t.leadOrganization.name)).toBe(true);
    // page + count; special groups; progress (one call of reform_task_state); the lead organisations'
    // names, one statement over reform's copy of the directory (Organization.name is shared with people);
    // leaders cost the reform subgraph nothing: the gateway asks people for them
    expect(large.sql).toHaveLength(5);
    expect(large.sql.length).toBe(small.sql.length);
    console.log(`reform statements for 100 tasks: ${large.sql.length}`);
  });
});
