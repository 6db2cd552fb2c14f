import { bulkInsert } from '@county/kit';
import { startTestSubgraph, type TestSubgraph } from '@county/test-kit';
import { peopleSubgraph } from '@county/people';
import { governanceSubgraph } from '@county/governance';

let people: TestSubgraph;
let governance: TestSubgraph;

const A = '990722001';
const [A1, A2] = [`${A}201`, `${A}202`];
const B1 = '990722002201';
const ORG = '10000000-0000-4000-8000-000000000001';
const day = 86_400_000;

/** A dispute fixture: reported at `reported` (UTC), resolved `days` later when given a level. */
const dispute = (
  n: number,
  region: string,
  reported: string,
  status: string,
  extra: { level?: string; days?: number; colour?: string; kind?: string; org?: boolean } = {},
) => ({
  id: `20000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
  region_code: region,
  kind: extra.kind ?? 'NEIGHBOURS',
  channel: 'WALK_IN',
  reported_at: reported,
  parties: '甲与乙',
  party_count: 2,
  summary: '纠纷',
  risk_colour: extra.colour ?? 'YELLOW',
  status,
  resolution_level: extra.level ?? null,
  organization_id: extra.org === false ? null : ORG,
  resolved_at:
    extra.days === undefined ? null : new Date(Date.parse(reported) + extra.days * day).toISOString(),
});
const id = (n: number) => dispute(n, '', '2023-01-01T00:00:00Z', '').id;

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph);
  governance = await startTestSubgraph(governanceSubgraph, { directory: people });
  const em = governance.orm.em.fork();
  await bulkInsert(em, 'mediation_organization', [
    { id: ORG, name: '调委会', kind: 'PEOPLES_MEDIATION', level: 'VILLAGE', region_code: A1 },
  ]);
  await bulkInsert(em, 'dispute', [
    dispute(1, A1, '2023-01-10T02:00:00Z', 'RESOLVED', { level: 'VILLAGE', days: 2, colour: 'RED' }),
    dispute(2, A1, '2023-01-20T02:00:00Z', 'RESOLVED', { level: 'TOWNSHIP', days: 4 }),
    dispute(3, A2, '2023-02-05T02:00:00Z', 'RESOLVED', {
      level: 'COUNTY',
      days: 10,
      colour: 'ORANGE',
      kind: 'LABOUR_WAGES',
    }),
    dispute(4, A2, '2023-02-06T02:00:00Z', 'MEDIATING', { colour: 'RED', kind: 'LABOUR_WAGES' }),
    dispute(5, A2, '2023-03-01T02:00:00Z', 'REGISTERED', { colour: 'ORANGE', kind: 'OTHER', org: false }),
    dispute(6, B1, '2023-03-02T02:00:00Z', 'RESOLVED', { level: 'VILLAGE', days: 1 }),
    // 00:30 on 1 January 2023 in China: inside 2023
    dispute(7, A1, '2022-12-31T16:30:00Z', 'RESOLVED', { level: 'VILLAGE', days: 3 }),
    // 00:30 on 1 January 2024 in China: outside 2023
    dispute(8, A1, '2023-12-31T16:30:00Z', 'RESOLVED', { level: 'VILLAGE', days: 1 }),
    dispute(9, A1, '2023-04-01T02:00:00Z', 'FAILED', { kind: 'CONTRACT' }),
  ]);
  const visit = (n: number, disputeNumber: number, satisfied: boolean, relapsed: boolean) => ({
    id: `30000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    dispute_id: id(disputeNumber),
    visited_at: '2023-06-01T00:00:00Z',
    visitor_id: ORG,
    satisfied,
    relapsed,
  });
  await bulkInsert(em, 'return_visit', [
    visit(1, 1, true, false),
    visit(2, 2, false, true),
    visit(3, 2, true, false),
  ]);
});
afterAll(async () => {
  await governance?.close();
  await people?.close();
});

const STATS = `query ($code: String!, $from: Date!, $to: Date!) {
  _entities(representations: [{ __typename: "Region", code: $code }]) {
    ... on Region { disputeStats(from: $from, to: $to) {
      reported mediated resolved resolutionRate resolvedLocally localResolutionShare
      averageDaysToResolve p80DaysToResolve openRed openOrange visited returnVisitCoverage satisfactionRate relapses
      byKind { kind mediated resolved } byMonth { month mediated resolved } } }
  }
}`;
const stats = async (code: string, from = '2023-01-01', to = '2023-12-31') => {
  const { data, errors } = await governance.query<any>(STATS, { code, from, to });
  expect(errors).toBeUndefined();
  return data._entities[0].disputeStats;
};

describe('disputeStats against a recount of the fixtures by hand', () => {
  it('counts a township and everything below it, by China days', async () => {
    expect(await stats(A)).toEqual({
      reported: 7,
      mediated: 6,
      resolved: 4,
      resolutionRate: 4 / 6,
      resolvedLocally: 3,
      localResolutionShare: 0.75,
      averageDaysToResolve: 4.8, // (2 + 4 + 10 + 3) / 4 = 4.75, to one decimal
      p80DaysToResolve: 6.4, // [2, 3, 4, 10]: rank 2.4 → 4 + 0.4 × 6
      openRed: 1,
      openOrange: 1,
      visited: 2,
      returnVisitCoverage: 0.5,
      satisfactionRate: 2 / 3,
      relapses: 1,
      byKind: [
        { kind: 'CONTRACT', mediated: 1, resolved: 0 },
        { kind: 'LABOUR_WAGES', mediated: 2, resolved: 1 },
        { kind: 'NEIGHBOURS', mediated: 3, resolved: 3 },
        { kind: 'OTHER', mediated: 0, resolved: 0 },
      ],
      byMonth: [
        { month: '2023-01', mediated: 3, resolved: 3 },
        { month: '2023-02', mediated: 2, resolved: 1 },
        { month: '2023-03', mediated: 0, resolved: 0 },
        { month: '2023-04', mediated: 1, resolved: 0 },
      ],
    });
  });

  it('widens to the county and narrows to a day', async () => {
    expect(await stats('990722')).toMatchObject({ reported: 8, resolved: 5 });
    expect(await stats(A, '2024-01-01', '2024-01-01')).toMatchObject({ reported: 1, resolved: 1 });
    expect(await stats(A, '2023-02-06', '2023-02-06')).toMatchObject({
      reported: 1,
      mediated: 1,
      openRed: 1,
    });
  });

  it('answers zeros and nulls where nothing happened', async () => {
    expect(await stats('990722003201')).toMatchObject({
      reported: 0,
      resolutionRate: null,
      localResolutionShare: null,
      averageDaysToResolve: null,
      p80DaysToResolve: null,
      byKind: [],
      byMonth: [],
    });
  });

  it('refuses a period that ends before it starts, naming the argument', async () => {
    const { errors } = await governance.query(STATS, { code: A, from: '2023-12-31', to: '2023-01-01' });
    expect(errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to', rule: 'after-from' });
  });
});

describe('dispute lists', () => {
  it('filter by region below, status, colour and China days, a page at a time', async () => {
    const ids = async (args: string) => {
      const { data, errors } = await governance.query<any>(
        `{ disputes(${args}) { totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
      );
      expect(errors).toBeUndefined();
      return data.disputes;
    };
    expect(
      (await ids(`regionCode: "${A}", reportedFrom: "2023-01-01", reportedTo: "2023-12-31"`)).totalCount,
    ).toBe(7);
    expect((await ids(`regionCode: "${A2}", riskColour: RED`)).nodes).toEqual([{ id: id(4) }]);
    expect((await ids(`status: RESOLVED, kind: NEIGHBOURS, regionCode: "${A1}"`)).totalCount).toBe(4);
    const first = await ids('first: 4');
    expect(first.pageInfo.hasNextPage).toBe(true);
    const rest = await ids(`first: 10, after: "${first.pageInfo.endCursor}"`);
    const all = [...first.nodes, ...rest.nodes].map((n: { id: string }) => n.id);
    expect(new Set(all).size).toBe(9);
    expect(all[0]).toBe(id(7)); // the earliest report comes first
  });

  it("walks a region's filtered list page by page in the order of one large page, as Region.disputes", async () => {
    const list = async (first: number, after: string | null) => {
      const { data, errors } = await governance.query<any>(
        `query ($r: [_Any!]!, $after: String) { _entities(representations: $r) { ... on Region {
           disputes(reportedFrom: "2023-01-01", reportedTo: "2023-12-31", first: ${first}, after: $after) {
             totalCount nodes { id } pageInfo { hasNextPage endCursor } } } } }`,
        { r: [{ __typename: 'Region', code: A }], after },
      );
      expect(errors).toBeUndefined();
      return data._entities[0].disputes;
    };
    const whole = await list(100, null);
    expect(whole.totalCount).toBe(7);
    const walked: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await list(2, after);
      expect(page.totalCount).toBe(7);
      walked.push(...page.nodes.map((n: { id: string }) => n.id));
      after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
    } while (after);
    expect(walked).toEqual(whole.nodes.map((n: { id: string }) => n.id));
  });
});
