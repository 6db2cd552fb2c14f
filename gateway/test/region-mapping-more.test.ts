import { DEMO_COUNTY_CODE } from '@county/demo-data';
import type { Claims } from '@county/kit';
import { peopleSubgraph } from '@county/people';
import { pilotsSubgraph } from '@county/pilots';
import { reformSubgraph } from '@county/reform';
import { startTestGateway, startTestSubgraph, type TestGateway, type TestSubgraph } from '@county/test-kit';

/*
 * The rest of Region's statistics across a merge (撤乡并镇), as region-mapping.test.ts does for disputes and
 * service cases: once township B went on as township A, A's figures in today's regions are A's and B's as
 * recorded — nothing counted twice, nothing lost — while "as recorded" and the county above are unchanged.
 * Reform tasks and instruments (reform), pilots (pilots), each from its own copy of people's successions;
 * the workforce (people) from people's own, where a merge moves the organisations themselves.
 */
let people: TestSubgraph;
let reform: TestSubgraph;
let pilots: TestSubgraph;
let gateway: TestGateway;
const hr: Claims = { sub: 'hr-merges', roles: ['hr'] };
// workforce figures are the organisation department's (hr); the rest a leader reads
const reader: Claims = { sub: 'leader-reads', roles: ['leader', 'hr'] };

jest.setTimeout(180_000);

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  reform = await startTestSubgraph(reformSubgraph, { demoCounties: 1, directory: people });
  pilots = await startTestSubgraph(pilotsSubgraph, { demoCounties: 1, directory: people });
  gateway = await startTestGateway([people, reform, pilots]);
});
afterAll(async () => {
  await gateway?.stop();
  await reform?.close();
  await pilots?.close();
  await people?.close();
});

const YEAR = 2019;
const REFORM = `total completed lagging openSupervisionOrders overdueSupervisionOrders
  byStatus { status count } bySpecialGroup { total completed specialGroup { id } }`;
const INSTRUMENTS = `dispatchRounds dispatchEntries inspections bulletins outcomes selectedOutcomes reformDocuments
  implementingDocuments promotion { kind count }`;
const PILOTS = `carried pursuing leadsIssued leadsWon evaluatedPilots questionnairesIssued overduePilots
  flaggedForCleanUp byStage { stage count } byLevel { level carried newThisYear closed }`;
const WORKFORCE = `peopleByRole { role count } quota { communities quota filled vacancies }
  training { people peopleTrained hours villageCadres } cadresInSecondment
  departingCadresByPlacement { placement count } communityWorkersByPostType { postType count }`;

/** One region's figures in both mappings, with aliases `t…` (today) and `r…` (as recorded). */
const both = (alias: string, variable: string) => `${alias}: region(code: ${variable}) {
  tReform: reformStats(year: ${YEAR}) { ${REFORM} }
  rReform: reformStats(year: ${YEAR}, regions: AS_RECORDED) { ${REFORM} }
  tInstruments: reformInstrumentStats(year: ${YEAR}) { ${INSTRUMENTS} }
  rInstruments: reformInstrumentStats(year: ${YEAR}, regions: AS_RECORDED) { ${INSTRUMENTS} }
  tPilots: pilotStats(year: ${YEAR}) { ${PILOTS} }
  rPilots: pilotStats(year: ${YEAR}, regions: AS_RECORDED) { ${PILOTS} }
  tWorkforce: workforceStats { ${WORKFORCE} }
  rWorkforce: workforceStats(regions: AS_RECORDED) { ${WORKFORCE} }
}`;
const QUERY = `query ($a: ID!, $b: ID!, $county: ID!) { ${both('a', '$a')} ${both('b', '$b')} ${both('county', '$county')} }`;

type Stats = Record<string, unknown>;
type Region = Record<
  | 'tReform'
  | 'rReform'
  | 'tInstruments'
  | 'rInstruments'
  | 'tPilots'
  | 'rPilots'
  | 'tWorkforce'
  | 'rWorkforce',
  Stats
>;

async function stats(a: string, b: string): Promise<Record<'a' | 'b' | 'county', Region>> {
  const answer = await gateway.query<any>(QUERY, { a, b, county: DEMO_COUNTY_CODE }, { claims: reader });
  expect(answer.errors).toBeUndefined();
  return answer.data;
}

/**
 * Every count in a statistic, by path (a list's entries keyed by the value of their enum or id, so that
 * lists of different lengths line up): what a sum across regions is checked on.
 */
function counts(value: unknown, path = '', into = new Map<string, number>()): Map<string, number> {
  if (typeof value === 'number') into.set(path, value);
  else if (Array.isArray(value))
    for (const entry of value) {
      const key = Object.entries(entry as Stats).find(([, v]) => typeof v === 'string' || (v as any)?.id);
      const name = typeof key?.[1] === 'string' ? key[1] : (key?.[1] as { id: string })?.id;
      counts(entry, `${path}[${name}]`, into);
    }
  else if (value && typeof value === 'object')
    for (const [field, inner] of Object.entries(value)) counts(inner, `${path}.${field}`, into);
  return into;
}

/** `whole`'s counts against the sum of `parts`' counts, path by path (a path missing counts 0). */
function expectSum(whole: Stats, ...parts: Stats[]): void {
  const sums = new Map<string, number>();
  for (const part of parts)
    for (const [path, count] of counts(part)) sums.set(path, (sums.get(path) ?? 0) + count);
  const got = counts(whole);
  for (const path of new Set([...sums.keys(), ...got.keys()]))
    expect([path, got.get(path) ?? 0]).toEqual([path, sums.get(path) ?? 0]);
}

const total = (stat: Stats, path: string): number =>
  [...counts(stat)].filter(([p]) => p.startsWith(path)).reduce((sum, [, n]) => sum + n, 0);

it('counts a merged township’s reform tasks, instruments, pilots and workforce in its successor, once, in today’s regions', async () => {
  const townships = await gateway.query<any>(
    `query ($county: ID!) { regions(parentCode: $county) { code predecessors { predecessorCode }
      reformStats(year: ${YEAR}, regions: AS_RECORDED) { total }
      pilotStats(year: ${YEAR}, regions: AS_RECORDED) { carried }
      workforceStats(regions: AS_RECORDED) { training { people } } } }`,
    { county: DEMO_COUNTY_CODE },
    { claims: reader },
  );
  expect(townships.errors).toBeUndefined();
  type Township = {
    code: string;
    predecessors: unknown[];
    reformStats: { total: number };
    pilotStats: { carried: number };
    workforceStats: { training: { people: number } };
  };
  // townships no merge has touched yet (the demo may hold merges of its own)
  const all = (townships.data.regions as Township[]).filter((t) => !t.predecessors.length);
  const held = (t: Township) =>
    t.reformStats.total > 0 && t.pilotStats.carried > 0 && t.workforceStats.training.people > 0;
  // B, the one merged away, has something to lose in every domain; A absorbs it, with some of its own
  const b = all.filter(held).sort((x, y) => y.reformStats.total - x.reformStats.total)[0];
  const a = all.find((t) => t !== b && t.reformStats.total + t.pilotStats.carried > 0)!;
  expect(b).toBeDefined();
  expect(a).toBeDefined();

  const before = await stats(a.code, b.code);
  for (const region of [before.a, before.b, before.county]) {
    expect(region.tReform).toEqual(region.rReform);
    expect(region.tInstruments).toEqual(region.rInstruments);
    expect(region.tPilots).toEqual(region.rPilots);
    expect(region.tWorkforce).toEqual(region.rWorkforce);
  }
  // B's own organisation (its township government), to be left under B's code after the merge below
  const organizations = await gateway.query<any>(
    `query ($b: ID!) { organizations(regionCode: $b, first: 100) { nodes { id region { code } } } }`,
    { b: b.code },
    { claims: hr },
  );
  const [ownOrganization] = organizations.data.organizations.nodes.filter(
    (o: { region: { code: string } }) => o.region.code === b.code,
  );
  expect(ownOrganization).toBeDefined();

  const merged = await gateway.query<any>(
    `mutation ($input: MergeRegionsInput!) { mergeRegions(input: $input) { code } }`,
    {
      input: {
        predecessorCodes: [a.code, b.code],
        successorCode: a.code,
        // the whole statistics year lies before the merge
        effectiveOn: `${YEAR + 1}-01-01`,
        decidedOn: `${YEAR}-11-20`,
        decisionDocument: '澄政复〔2019〕12号',
      },
    },
    { claims: hr },
  );
  expect(merged.errors).toBeUndefined();
  await reform.syncRegionCopy!();
  await pilots.syncRegionCopy!();

  const after = await stats(a.code, b.code);
  // reform and pilots keep their records' codes: as recorded, nothing moved
  for (const stat of ['rReform', 'rInstruments', 'rPilots'] as const) {
    expect(after.a[stat]).toEqual(before.a[stat]);
    expect(after.b[stat]).toEqual(before.b[stat]);
  }
  // in today's regions A is A and B, count by count (tasks, orders, groups, pilots by stage and level …)
  expectSum(after.a.tReform, before.a.rReform, before.b.rReform);
  expectSum(after.a.tPilots, before.a.rPilots, before.b.rPilots);
  // an inspection that visited both townships is one inspection of today's A: never more than the sum
  const { inspections, ...instruments } = after.a.tInstruments as { inspections: number };
  const inspected = (region: Region) => (region.rInstruments as { inspections: number }).inspections;
  const { inspections: _a, ...instrumentsA } = before.a.rInstruments as { inspections: number };
  const { inspections: _b, ...instrumentsB } = before.b.rInstruments as { inspections: number };
  expectSum(instruments, instrumentsA, instrumentsB);
  expect(inspections).toBeGreaterThanOrEqual(Math.max(inspected(before.a), inspected(before.b)));
  expect(inspections).toBeLessThanOrEqual(inspected(before.a) + inspected(before.b));
  // the county counted B once before and still does, in either mapping
  for (const stat of ['Reform', 'Instruments', 'Pilots', 'Workforce'] as const) {
    expect(after.county[`t${stat}`]).toEqual(before.county[`t${stat}`]);
    expect(after.county[`r${stat}`]).toEqual(before.county[`t${stat}`]);
  }

  // people moves B's organisations (and their people) into A with the merge: A holds them either way
  expectSum(after.a.tWorkforce, before.a.rWorkforce, before.b.rWorkforce);
  expect(after.a.rWorkforce).toEqual(after.a.tWorkforce);
  expect(total(after.b.rWorkforce, '.training.people')).toBe(0);

  // an organisation still recorded under B's code counts in today's A, and as recorded in B alone
  const left = await gateway.query<any>(
    `mutation ($id: ID!, $input: UpdateOrganizationInput!) { updateOrganization(id: $id, input: $input) { id } }`,
    { id: ownOrganization.id, input: { regionCode: b.code } },
    { claims: hr },
  );
  expect(left.errors).toBeUndefined();
  const late = await stats(a.code, b.code);
  expect(late.a.tWorkforce).toEqual(after.a.tWorkforce);
  expect(total(late.b.rWorkforce, '.training.people')).toBeGreaterThan(0);
  expect(total(late.a.rWorkforce, '.training.people')).toBeLessThan(
    total(after.a.tWorkforce, '.training.people'),
  );
  expectSum(late.a.tWorkforce, late.a.rWorkforce, late.b.rWorkforce);
  expect(late.county.tWorkforce).toEqual(before.county.tWorkforce);
});
