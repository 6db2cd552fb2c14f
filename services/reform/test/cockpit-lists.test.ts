import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { startTestGateway, type TestGateway, type TestSubgraph } from '@county/test-kit';
import { startReform } from './fixtures';

/*
 * The two lists the cockpit's reform panel shows, through the gateway: the lagging tasks with the most
 * behind first, and the results board of the screen's region.
 */

let people: TestSubgraph;
let reform: TestSubgraph;
let gateway: TestGateway;
const leader = { claims: { sub: 'test-leader', roles: ['leader'] } };

beforeAll(async () => {
  ({ people, reform } = await startReform());
  gateway = await startTestGateway([people, reform]);
});
afterAll(async () => {
  await gateway?.stop();
  await reform?.close();
  await people?.close();
});

const query = async (text: string) => gateway.query<any>(text, {}, leader);

interface Node {
  code: string;
  progress: { expected: number; actual: number };
}

const LAGGING = (extra: string) =>
  `{ reformTasks(year: 2020, regionCode: "${DEMO_COUNTY_CODE}", lagging: true, ${extra}) {
       totalCount nodes { code progress { expected actual } } pageInfo { hasNextPage endCursor } } }`;

describe('reformTasks(orderBy: MOST_BEHIND)', () => {
  it('lists the tasks with the largest gap between expected and actual progress first, equal gaps by code', async () => {
    const result = await query(LAGGING('orderBy: MOST_BEHIND, first: 100'));
    expect(result.errors).toBeUndefined();
    const nodes: Node[] = result.data.reformTasks.nodes;
    expect(nodes.length).toBeGreaterThan(2);
    expect(result.data.reformTasks.totalCount).toBe(nodes.length);
    const gaps = nodes.map((n) => n.progress.expected - n.progress.actual);
    // progress is shown to one decimal: a gap may look up to 0.1 larger than the one before it
    for (let i = 1; i < gaps.length; i++) expect(gaps[i]).toBeLessThanOrEqual(gaps[i - 1] + 0.1 + 1e-9);
    for (let i = 1; i < nodes.length; i++)
      if (gaps[i] === gaps[i - 1]) expect(nodes[i].code > nodes[i - 1].code).toBe(true);
    // the order is not the default one here, or the test would prove nothing
    const byCode = [...nodes].map((n) => n.code).sort();
    expect(nodes.map((n) => n.code)).not.toEqual(byCode);

    // the same tasks as the default order (by code), which is unchanged for other callers
    const plain = await query(LAGGING('first: 100'));
    expect(plain.data.reformTasks.nodes.map((n: Node) => n.code)).toEqual(byCode);
  });

  it('pages through the same order with the cursor', async () => {
    const all: Node[] = (await query(LAGGING('orderBy: MOST_BEHIND, first: 100'))).data.reformTasks.nodes;
    const walked: string[] = [];
    let after: string | null = null;
    do {
      const page: any = await query(
        LAGGING(`orderBy: MOST_BEHIND, first: 2${after ? `, after: "${after}"` : ''}`),
      );
      expect(page.errors).toBeUndefined();
      walked.push(...page.data.reformTasks.nodes.map((n: Node) => n.code));
      after = page.data.reformTasks.pageInfo.hasNextPage ? page.data.reformTasks.pageInfo.endCursor : null;
    } while (after);
    expect(walked).toEqual(all.map((n) => n.code));
  });

  it('refuses an unknown order and a cursor of another order', async () => {
    const unknown = await query(LAGGING('orderBy: SLOWEST, first: 5'));
    expect(unknown.errors?.[0].message).toMatch(/ReformTaskOrder/);
    const byCode = await query(LAGGING('first: 1'));
    const cursor = byCode.data.reformTasks.pageInfo.endCursor;
    const mixed = await query(LAGGING(`orderBy: MOST_BEHIND, first: 1, after: "${cursor}"`));
    expect(mixed.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'after',
      rule: 'cursor',
    });
  });
});

const BOARD = (args: string) =>
  `{ resultsBoard(year: 2019, ${args}) { rank total organization { id name region { code } } } }`;

describe('resultsBoard(regionCode)', () => {
  it('ranks only the organisations of the region and below, among themselves', async () => {
    const whole = await query(BOARD('first: 100'));
    expect(whole.errors).toBeUndefined();
    const township = whole.data.resultsBoard
      .map((e: any) => e.organization.region.code as string)
      .find((code: string) => code.length >= 9)
      ?.slice(0, 9);
    expect(township).toBeDefined();

    const local = await query(BOARD(`first: 100, regionCode: "${township}"`));
    expect(local.errors).toBeUndefined();
    const board = local.data.resultsBoard;
    expect(board.length).toBeGreaterThan(0);
    expect(board.length).toBeLessThan(whole.data.resultsBoard.length);
    for (const entry of board) expect(entry.organization.region.code.startsWith(township!)).toBe(true);
    expect(board[0].rank).toBe(1);
    const expected = whole.data.resultsBoard.filter((e: any) =>
      e.organization.region.code.startsWith(township!),
    );
    expect(board.map((e: any) => e.organization.id)).toEqual(expected.map((e: any) => e.organization.id));

    // the county holds every organisation assessed in the demo: its board is the whole board
    const county = await query(BOARD(`first: 100, regionCode: "${DEMO_COUNTY_CODE}"`));
    expect(county.data.resultsBoard).toEqual(whole.data.resultsBoard);
  });

  it('refuses a region code that is not one, naming the argument', async () => {
    const result = await query(BOARD('first: 5, regionCode: "99072"'));
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'regionCode',
      rule: 'format',
    });
    const tooMany = await query(BOARD(`first: 101, regionCode: "${DEMO_COUNTY_CODE}"`));
    expect(tooMany.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
  });
});
