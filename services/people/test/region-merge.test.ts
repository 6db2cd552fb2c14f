import { DEMO_COUNTY_CODE } from '@county/demo-data';
import type { Claims } from '@county/kit';
import { peopleSubgraph } from '@county/people';
import { startTestGateway, startTestSubgraph, type TestGateway, type TestSubgraph } from '@county/test-kit';
import { area } from '@turf/turf';

/*
 * 撤乡并镇、撤并建制村: a merge ends the merged regions the day before it takes effect, recodes their
 * villages under the successor, moves their organisations, and leaves the past answerable as it was.
 */
let people: TestSubgraph;
let gateway: TestGateway;
const hr: Claims = { sub: 'hr-merges', roles: ['hr'] };
const leader: Claims = { sub: 'leader-reads', roles: ['leader'] };

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  gateway = await startTestGateway([people]);
});
afterAll(async () => {
  await gateway?.stop();
  await people?.close();
});

async function ask(query: string, variables: Record<string, unknown> = {}, claims: Claims = leader) {
  return gateway.query<any>(query, variables, { claims });
}

const MERGE = `mutation ($input: MergeRegionsInput!) {
  mergeRegions(input: $input) { code name validFrom validTo predecessors { predecessorCode decisionDocument } }
}`;

const TOWNSHIPS = `query ($parent: ID!, $asOf: Date, $all: Boolean) {
  regions(parentCode: $parent, asOf: $asOf, includeDissolved: $all) { code name validFrom validTo }
}`;

const IN_REGION = `query ($code: ID!) { organizations(regionCode: $code, first: 1) { totalCount } }`;

async function townships(variables: Record<string, unknown> = {}) {
  const answer = await ask(TOWNSHIPS, { parent: DEMO_COUNTY_CODE, ...variables });
  expect(answer.errors).toBeUndefined();
  return answer.data.regions as { code: string; validFrom: string | null; validTo: string | null }[];
}

const organizationsIn = async (code: string): Promise<number> =>
  (await ask(IN_REGION, { code })).data.organizations.totalCount;

const villagesOf = async (code: string): Promise<string[]> =>
  (await ask(TOWNSHIPS, { parent: code })).data.regions.map((r: { code: string }) => r.code);

const decision = {
  decisionDocument: '澄政复〔2019〕12号',
  decidedOn: '2019-05-20',
  effectiveOn: '2019-07-01',
};

describe('mergeRegions', () => {
  it('refuses bad merges naming the field and the rule, and changes nothing', async () => {
    const before = await townships();
    const [a, b] = before;
    const villageOfA = (await villagesOf(a.code))[0];
    const cases: [Record<string, unknown>, string, string][] = [
      [{ predecessorCodes: [a.code], successorCode: a.code }, 'input.predecessorCodes', 'min'],
      [
        { predecessorCodes: [a.code, villageOfA], successorCode: a.code },
        'input.predecessorCodes.1',
        'same-parent',
      ],
      [
        { predecessorCodes: [a.code, b.code], successorCode: a.code, decidedOn: '2019-08-01' },
        'input.decidedOn',
        '',
      ],
      [
        { predecessorCodes: [a.code, b.code], successorCode: `${DEMO_COUNTY_CODE}950` },
        'input.successorName',
        'required',
      ],
      [
        { predecessorCodes: [a.code, '990722999'], successorCode: a.code },
        'input.predecessorCodes.1',
        'exists',
      ],
    ];
    for (const [input, field, rule] of cases) {
      const answer = await ask(MERGE, { input: { ...decision, ...input } }, hr);
      expect(answer.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
      if (rule) expect(answer.errors?.[0].extensions?.rule).toBe(rule);
    }
    const refused = await ask(MERGE, {
      input: { ...decision, predecessorCodes: [a.code, b.code], successorCode: a.code },
    });
    expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await townships()).toEqual(before);
  });

  it('merges a township into another: the past keeps both, today has one, villages and organisations follow', async () => {
    const [a, b] = await townships();
    const villagesOfA = await villagesOf(a.code);
    const villagesOfB = await villagesOf(b.code);
    const organizations = { a: await organizationsIn(a.code), b: await organizationsIn(b.code) };
    const OUTLINE = `query ($code: ID!) { region(code: $code) { boundary { geometry digest source } } }`;
    const outlineOf = async (code: string) => (await ask(OUTLINE, { code })).data.region.boundary;
    const outlines = { a: await outlineOf(a.code), b: await outlineOf(b.code) };
    expect(outlines.a && outlines.b).toBeTruthy();
    expect(villagesOfB.length).toBeGreaterThan(0);
    expect(organizations.b).toBeGreaterThan(0);

    const merged = await ask(
      MERGE,
      { input: { ...decision, predecessorCodes: [b.code, a.code], successorCode: a.code } },
      hr,
    );
    expect(merged.errors).toBeUndefined();
    expect(merged.data.mergeRegions).toMatchObject({
      code: a.code,
      validTo: null,
      predecessors: [{ predecessorCode: b.code, decisionDocument: decision.decisionDocument }],
    });

    // today: B is gone; on the eve of the merge: B is there; every region ever: B with its end
    expect((await townships()).map((t) => t.code)).not.toContain(b.code);
    expect((await townships({ asOf: '2019-06-30' })).map((t) => t.code)).toContain(b.code);
    expect((await townships({ all: true })).find((t) => t.code === b.code)?.validTo).toBe('2019-06-30');

    // B's villages: recoded under A, one successor each, begun on the merge day
    const villagesNow = await villagesOf(a.code);
    expect(villagesNow).toHaveLength(villagesOfA.length + villagesOfB.length);
    const history = await ask(
      `query ($code: ID!) { region(code: $code) { validTo successors { successor { code parent { code } validFrom } } } }`,
      { code: villagesOfB[0] },
    );
    expect(history.data.region.validTo).toBe('2019-06-30');
    expect(history.data.region.successors).toHaveLength(1);
    expect(history.data.region.successors[0].successor).toMatchObject({
      parent: { code: a.code },
      validFrom: '2019-07-01',
    });
    expect(villagesNow).toContain(history.data.region.successors[0].successor.code);

    // organisations: nothing lost, nothing left behind in the ended regions
    expect(await organizationsIn(a.code)).toBe(organizations.a + organizations.b);
    expect(await organizationsIn(b.code)).toBe(0);

    // today's map: A's outline is A's and B's together (no hole), and B has none among the county's children
    const mergedOutline = await outlineOf(a.code);
    expect(mergedOutline.digest).not.toBe(outlines.a.digest);
    expect(mergedOutline.source).toContain(decision.decisionDocument);
    const expectedArea = area(outlines.a.geometry) + area(outlines.b.geometry);
    expect(Math.abs(area(mergedOutline.geometry) - expectedArea) / expectedArea).toBeLessThan(0.01);
    const served = await fetch(
      `${gateway.url.replace(/\/graphql$/, '')}/files/people/region-boundaries.geojson?parent=${DEMO_COUNTY_CODE}`,
      { headers: { authorization: `Bearer ${await gateway.token(leader)}` } },
    );
    const codes = ((await served.json()) as { features: { properties: { code: string } }[] }).features.map(
      (f) => f.properties.code,
    );
    expect(codes).toContain(a.code);
    expect(codes).not.toContain(b.code);

    // the same merge again: B is no longer current
    const again = await ask(
      MERGE,
      { input: { ...decision, predecessorCodes: [b.code, a.code], successorCode: a.code } },
      hr,
    );
    expect(again.errors?.[0].extensions).toMatchObject({
      field: 'input.predecessorCodes.0',
      rule: 'current',
    });
  });

  it('merges villages into a new one under the same township (撤并建制村)', async () => {
    const [township] = await townships();
    const [v1, v2] = await villagesOf(township.code);
    const code = `${township.code}990`;
    const merged = await ask(
      MERGE,
      { input: { ...decision, predecessorCodes: [v1, v2], successorCode: code, successorName: '合并新村' } },
      hr,
    );
    expect(merged.errors).toBeUndefined();
    expect(merged.data.mergeRegions).toMatchObject({ code, validFrom: '2019-07-01', validTo: null });
    expect(
      merged.data.mergeRegions.predecessors.map((p: { predecessorCode: string }) => p.predecessorCode),
    ).toEqual([v1, v2].sort());
    const today = await villagesOf(township.code);
    expect(today).toContain(code);
    expect(today).not.toContain(v1);
  });
});
