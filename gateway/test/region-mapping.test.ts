import { DEMO_COUNTY_CODE } from '@county/demo-data';
import type { Claims } from '@county/kit';
import { governanceSubgraph } from '@county/governance';
import { govServicesSubgraph } from '@county/gov-services';
import { peopleSubgraph } from '@county/people';
import { startTestGateway, startTestSubgraph, type TestGateway, type TestSubgraph } from '@county/test-kit';

/*
 * Statistics across a merge (撤乡并镇): once people records that township B went on as township A, a past
 * period's statistics of A in today's regions are A's and B's as recorded — nothing counted twice, nothing
 * lost — while "as recorded" and the county above are unchanged. Disputes (governance) and service cases
 * (gov-services), each from its own copy of people's successions.
 */
let people: TestSubgraph;
let governance: TestSubgraph;
let gov: TestSubgraph;
let gateway: TestGateway;
const hr: Claims = { sub: 'hr-merges', roles: ['hr'] };
const leader: Claims = { sub: 'leader-reads', roles: ['leader'] };

jest.setTimeout(180_000);

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  governance = await startTestSubgraph(governanceSubgraph, { demoCounties: 1, directory: people });
  gov = await startTestSubgraph(govServicesSubgraph, { demoCounties: 1, directory: people });
  gateway = await startTestGateway([people, governance, gov]);
});
afterAll(async () => {
  await gateway?.stop();
  await governance?.close();
  await gov?.close();
  await people?.close();
});

const FIGURES =
  'reported mediated resolved openRed reopened visited relapses byKind { kind mediated resolved }';
const SERVICE =
  'received completed receivedPreviousYear ratings badReviews targetCases topItems { received item { id } }';
const YEAR = 'from: "2019-01-01", to: "2019-12-31"';
const STATS = `query ($a: ID!, $b: ID!, $county: ID!) {
  a: region(code: $a) {
    today: disputeStats(from: "2019-01-01", to: "2019-06-30") { ${FIGURES} }
    recorded: disputeStats(from: "2019-01-01", to: "2019-06-30", regions: AS_RECORDED) { ${FIGURES} }
    serviceToday: serviceStats(${YEAR}) { ${SERVICE} }
    serviceRecorded: serviceStats(${YEAR}, regions: AS_RECORDED) { ${SERVICE} }
    monthsToday: serviceStats(from: "2019-02-01", to: "2019-11-30") { received topItems { received } }
  }
  b: region(code: $b) {
    serviceRecorded: serviceStats(${YEAR}, regions: AS_RECORDED) { ${SERVICE} }
    recorded: disputeStats(from: "2019-01-01", to: "2019-06-30", regions: AS_RECORDED) { ${FIGURES} }
  }
  county: region(code: $county) {
    today: disputeStats(from: "2019-01-01", to: "2019-06-30") { ${FIGURES} }
    recorded: disputeStats(from: "2019-01-01", to: "2019-06-30", regions: AS_RECORDED) { ${FIGURES} }
    serviceToday: serviceStats(${YEAR}) { received }
  }
}`;

type Figures = Record<
  'reported' | 'mediated' | 'resolved' | 'openRed' | 'reopened' | 'visited' | 'relapses',
  number
> & {
  byKind: { kind: string; mediated: number; resolved: number }[];
};

async function stats(a: string, b: string) {
  const answer = await gateway.query<any>(STATS, { a, b, county: DEMO_COUNTY_CODE }, { claims: leader });
  expect(answer.errors).toBeUndefined();
  return answer.data as {
    a: {
      today: Figures;
      recorded: Figures;
      serviceToday: Service;
      serviceRecorded: Service;
      monthsToday: Service;
    };
    b: { recorded: Figures; serviceRecorded: Service };
    county: { today: Figures; recorded: Figures; serviceToday: Service };
  };
}

const SCALARS = ['reported', 'mediated', 'resolved', 'openRed', 'reopened', 'visited', 'relapses'] as const;
const SERVICE_SCALARS = [
  'received',
  'completed',
  'receivedPreviousYear',
  'ratings',
  'badReviews',
  'targetCases',
] as const;
type Service = Record<(typeof SERVICE_SCALARS)[number], number> & {
  topItems: { received: number; item: { id: string } }[];
};

it('counts a merged township’s past in its successor, once, when asked in today’s regions', async () => {
  const townships = await gateway.query<any>(
    `query ($county: ID!) { regions(parentCode: $county) { code } }`,
    { county: DEMO_COUNTY_CODE },
    { claims: leader },
  );
  const [a, b] = townships.data.regions.map((r: { code: string }) => r.code);

  const before = await stats(a, b);
  expect(before.b.recorded.reported).toBeGreaterThan(0);
  expect(before.a.today).toEqual(before.a.recorded);
  expect(before.b.serviceRecorded.received).toBeGreaterThan(0);
  expect(before.a.serviceToday).toEqual(before.a.serviceRecorded);

  const merged = await gateway.query<any>(
    `mutation ($input: MergeRegionsInput!) { mergeRegions(input: $input) { code } }`,
    {
      input: {
        predecessorCodes: [a, b],
        successorCode: a,
        effectiveOn: '2019-07-01',
        decidedOn: '2019-05-20',
        decisionDocument: '澄政复〔2019〕12号',
      },
    },
    { claims: hr },
  );
  expect(merged.errors).toBeUndefined();
  // each subgraph follows people's successions through its region copy (REGION_COPY_INTERVAL_MS)
  await governance.syncRegionCopy!();
  await gov.syncRegionCopy!();

  const after = await stats(a, b);
  // as recorded, nothing moved
  expect(after.a.recorded).toEqual(before.a.recorded);
  expect(after.b.recorded).toEqual(before.b.recorded);
  // in today's regions, A is A and B, figure by figure and kind by kind
  for (const figure of SCALARS)
    expect(after.a.today[figure]).toBe(before.a.recorded[figure] + before.b.recorded[figure]);
  const kinds = new Set([...before.a.recorded.byKind, ...before.b.recorded.byKind].map((k) => k.kind));
  for (const kind of kinds) {
    const sum = (list: Figures['byKind']) => list.find((k) => k.kind === kind)?.mediated ?? 0;
    expect(sum(after.a.today.byKind)).toBe(sum(before.a.recorded.byKind) + sum(before.b.recorded.byKind));
  }
  // the county above counted B's disputes once before, and still does, in either mapping
  expect(after.county.today).toEqual(before.county.today);
  expect(after.county.recorded).toEqual(before.county.today);

  // service cases the same way, from gov-services' own copy of the successions
  const served = after;
  expect(served.a.serviceRecorded).toEqual(before.a.serviceRecorded);
  for (const figure of SERVICE_SCALARS)
    expect(served.a.serviceToday[figure]).toBe(
      before.a.serviceRecorded[figure] + before.b.serviceRecorded[figure],
    );
  // a top item's cases in today's A are its cases in A and in B, as recorded, summed
  const [top] = served.a.serviceToday.topItems;
  const inList = (list: Service['topItems']) => list.find((t) => t.item.id === top.item.id)?.received ?? 0;
  expect(top.received).toBeGreaterThanOrEqual(inList(before.a.serviceRecorded.topItems));
  expect(top.received).toBeLessThanOrEqual(
    inList(before.a.serviceRecorded.topItems) +
      Math.max(
        inList(before.b.serviceRecorded.topItems),
        before.b.serviceRecorded.topItems.at(-1)?.received ?? 0,
      ),
  );
  expect(served.a.monthsToday.received).toBeGreaterThan(before.a.monthsToday.received);
  expect(served.county.serviceToday).toEqual(before.county.serviceToday);
});
