import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { startTestGateway, type TestGateway, type TestSubgraph } from '@county/test-kit';
import { loadDemoCases } from '../src/seeders/seed';
import { seedPowersAndProjects } from '../src/seeders/powers-projects-seed';
import {
  DEMO_PROJECTS,
  FLAGSHIP_CALENDAR_DAYS,
  FLAGSHIP_FIRST_SUBMISSION,
  PRE_APPLICATION_PROJECTS,
} from '../src/seeders/projects';
import { ONE_TOWN_ENFORCEMENT_POWERS, TOWNSHIP_POWERS, WITHDRAWN_POWERS } from '../src/seeders/powers';
import { ItemKind, ServiceLevel } from '../src/vocabulary';
import { city, items, ok, startFixtures } from './fixtures';

/*
 * The demo county's powers and projects as the cockpit asks for them: report 004 (861 powers given to
 * every town; "2440"; 19 days), report 001 (125 enforcement powers to one town), report 000 (every major
 * project involved early), over a scaled-down demo of cases (1 % of 2018–2019).
 */
let people: TestSubgraph;
let gov: TestSubgraph;
let gateway: TestGateway;
let seeded = 0;
const leader = { claims: { sub: 'leader', roles: ['leader' as const] } };
const townships = city.regions.filter((r) => r.level === 'TOWNSHIP');
const town = townships.find((t) => t.code.endsWith('100'))!;

beforeAll(async () => {
  ({ people, gov } = await startFixtures());
  await gov.orm.em.fork().transactional((em) => loadDemoCases(em, city, [2018, 2019], '2019-12-31', 0.01));
  // as the launchers seed it, after the catalogue
  seeded = await seedPowersAndProjects(gov.orm, { counties: 1 });
  gateway = await startTestGateway([people, gov]);
}, 120_000);
afterAll(async () => {
  await gateway.stop();
  await gov.close();
  await people.close();
});

const count = async (regionCode: string, inEffect: boolean) =>
  (
    await ok(
      gateway.query(
        `{ powerDelegations(regionCode: "${regionCode}", inEffect: ${inEffect}) { totalCount } }`,
        {},
        leader,
      ),
    )
  ).powerDelegations.totalCount;

describe('the demo county’s delegated powers', () => {
  it('is seeded once: a second run writes nothing', async () => {
    expect(seeded).toBeGreaterThan(18_206);
    expect(await seedPowersAndProjects(gov.orm, { counties: 1 })).toBe(0);
  });

  it('gives each of its 21 townships the 861 powers (9 more withdrawn), and one town 125 enforcement powers in 5 categories', async () => {
    expect(townships).toHaveLength(21);
    const stats = (
      await ok(
        gateway.query(
          `{ region(code: "${DEMO_COUNTY_CODE}") { powerStats { delegations recipients powers takenUp exercised neverExercised casesHandled byRecipient { region { code } delegations } } } }`,
          {},
          leader,
        ),
      )
    ).region.powerStats;
    expect(stats.delegations).toBe(21 * TOWNSHIP_POWERS + ONE_TOWN_ENFORCEMENT_POWERS);
    expect(TOWNSHIP_POWERS).toBe(861);
    expect(ONE_TOWN_ENFORCEMENT_POWERS).toBe(125);
    expect(stats.recipients).toBe(21);
    expect(stats.byRecipient).toHaveLength(21);
    for (const recipient of stats.byRecipient)
      expect(recipient.delegations).toBe(
        TOWNSHIP_POWERS + (recipient.region.code === town.code ? ONE_TOWN_ENFORCEMENT_POWERS : 0),
      );
    expect(stats.powers).toBe(TOWNSHIP_POWERS + ONE_TOWN_ENFORCEMENT_POWERS);
    // the powers the township centres' items implement see cases; the enforcement powers none in this subgraph
    const townshipItemPowers = items.filter(
      (i) => i.levels.includes(ServiceLevel.TOWNSHIP) && i.kind !== ItemKind.PUBLIC_SERVICE,
    ).length;
    expect(stats.exercised).toBeGreaterThan(21 * 30);
    expect(stats.exercised).toBeLessThanOrEqual(21 * townshipItemPowers);
    expect(stats.neverExercised).toBe(stats.delegations - stats.exercised);
    expect(stats.casesHandled).toBeGreaterThan(0);
    expect(stats.takenUp / stats.delegations).toBeGreaterThan(0.85);

    const other = townships.find((t) => t !== town)!;
    expect(await count(other.code, true)).toBe(TOWNSHIP_POWERS);
    expect(await count(other.code, false)).toBe(WITHDRAWN_POWERS);
    expect(await count(town.code, true)).toBe(TOWNSHIP_POWERS + ONE_TOWN_ENFORCEMENT_POWERS);

    const categories = new Map<string, number>();
    let after: string | null = null;
    do {
      const page: any = (
        await ok(
          gateway.query(
            `query ($after: String) { powerDelegations(regionCode: "${town.code}", inEffect: true, first: 100, after: $after) {
              pageInfo { hasNextPage endCursor } nodes { delegatedFrom power { category } } } }`,
            { after },
            leader,
          ),
        )
      ).powerDelegations;
      for (const node of page.nodes)
        if (node.delegatedFrom === '2019-07-01')
          categories.set(node.power.category, (categories.get(node.power.category) ?? 0) + 1);
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect([...categories.values()].reduce((a, b) => a + b, 0)).toBe(125);
    expect(categories.size).toBe(5);
  });

  it('lists the list (权责清单) by department, the items that implement a power linked to it', async () => {
    const { administrativePowers } = await ok(
      gateway.query(
        `{ administrativePowers(regionCode: "${DEMO_COUNTY_CODE}", category: LICENSING, first: 3) { totalCount nodes { name serviceItems { name power { name } } } } }`,
        {},
        leader,
      ),
    );
    expect(administrativePowers.totalCount).toBe(451);
    for (const power of administrativePowers.nodes)
      expect(power.serviceItems).toEqual([{ name: power.name, power: { name: power.name } }]);
  });
});

describe('the demo county’s investment projects', () => {
  it('involves every major project early, keeps every industrial project within the "2440" 40 days, and one took 19 days', async () => {
    const { projectStats } = (
      await ok(
        gateway.query(
          `{ region(code: "${DEMO_COUNTY_CODE}") { projectStats(from: "2019-01-01", to: "2019-12-31") { projects withProxyAgent
            shareMajorEarlyInvolvement shareWithinTarget shareOnTime late byStage { stage projects }
            byKind { kind projects approved medianWorkingDays p80WorkingDays } } } }`,
          {},
          leader,
        ),
      )
    ).region;
    const total = Object.values(DEMO_PROJECTS).reduce((a, b) => a + b, 0);
    expect(projectStats).toMatchObject({
      projects: total,
      withProxyAgent: total,
      shareMajorEarlyInvolvement: 1,
      shareWithinTarget: 1,
      byStage: [
        { stage: 'PRE_APPLICATION', projects: PRE_APPLICATION_PROJECTS },
        { stage: 'IN_APPROVAL', projects: 0 },
        { stage: 'APPROVED', projects: total - PRE_APPLICATION_PROJECTS },
      ],
    });
    // a real-estate presale permit now and then past its limit
    expect(projectStats.shareOnTime).toBeLessThan(1);
    expect(projectStats.late).toBeGreaterThan(0);
    const industrial = projectStats.byKind.find((k: any) => k.kind === 'INDUSTRIAL');
    expect(industrial.approved).toBe(DEMO_PROJECTS.INDUSTRIAL);
    expect(industrial.p80WorkingDays).toBeLessThanOrEqual(40);

    const { investmentProjects } = await ok(
      gateway.query(
        `{ investmentProjects(regionCode: "${DEMO_COUNTY_CODE}", kind: INDUSTRIAL, first: 100) { nodes {
          code firstSubmittedOn approvedOn totalWorkingDays withinTarget earlyInvolvement proxyAgent { id name }
          steps { item { name } } criticalPath { item { name } submittedOn approvedOn } } } }`,
        {},
        leader,
      ),
    );
    const flagship = investmentProjects.nodes.find((p: any) => p.code === `2019-${DEMO_COUNTY_CODE}-001`);
    const days = (Date.parse(flagship.approvedOn) - Date.parse(flagship.firstSubmittedOn)) / 86_400_000;
    expect(flagship).toMatchObject({
      firstSubmittedOn: FLAGSHIP_FIRST_SUBMISSION,
      totalWorkingDays: 13,
      withinTarget: true,
      earlyInvolvement: true,
    });
    expect(days).toBe(FLAGSHIP_CALENDAR_DAYS);
    // filing, then land planning and civil air defence in parallel, then the permit: three steps on the path
    expect(flagship.steps).toHaveLength(4);
    expect(flagship.criticalPath.map((s: any) => s.item.name)).toEqual([
      '企业投资项目备案',
      expect.stringMatching(/^(建设用地规划许可|人防工程建设审批)$/),
      '建筑工程施工许可',
    ]);
    expect(flagship.criticalPath[0].submittedOn).toBe(FLAGSHIP_FIRST_SUBMISSION);
    expect(flagship.criticalPath[2].approvedOn).toBe(flagship.approvedOn);
    // the proxy agent is a Person of the directory, joined by the gateway, and lists the projects it carries
    expect(flagship.proxyAgent.name).toEqual(expect.any(String));
    const { person } = await ok(
      gateway.query(
        `{ person(id: "${flagship.proxyAgent.id}") { proxyProjects(first: 100) { totalCount nodes { code } } } }`,
        {},
        leader,
      ),
    );
    expect(person.proxyProjects.nodes).toContainEqual({ code: flagship.code });
    expect(person.proxyProjects.totalCount).toBeGreaterThanOrEqual(1);
  });
});
