import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { regionCodePrefix } from '@county/domain';
import { countStatements, startTestGateway, type TestGateway, type TestSubgraph } from '@county/test-kit';
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
    // named by its argument and rule, listing the orders there are, in the kit's words
    expect(unknown.errors?.[0].extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'orderBy',
      rule: 'enum',
    });
    expect(unknown.errors?.[0].message).toBe('orderBy: must be one of CODE, MOST_BEHIND');
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

describe('reformTasks(orderBy: MOST_BEHIND): paging, counts and statements', () => {
  const MOST_BEHIND = (args: string) =>
    `{ reformTasks(${args}, orderBy: MOST_BEHIND) { totalCount
         nodes { id code progress { expected actual lagging milestoneOverdue } } pageInfo { hasNextPage endCursor } } }`;

  async function walk(args: string, first: number) {
    const codes: string[] = [];
    const totals = new Set<number>();
    let after: string | null = null;
    do {
      const page: any = await query(
        MOST_BEHIND(`${args}, first: ${first}${after ? `, after: "${after}"` : ''}`),
      );
      expect(page.errors).toBeUndefined();
      codes.push(...page.data.reformTasks.nodes.map((n: Node) => n.code));
      totals.add(page.data.reformTasks.totalCount);
      after = page.data.reformTasks.pageInfo.hasNextPage ? page.data.reformTasks.pageInfo.endCursor : null;
    } while (after);
    return { codes, totals: [...totals] };
  }

  it('walks a list full of equal gaps page by page in the order of one large page, each task once', async () => {
    // a past year: most tasks are done, their gaps equal (0), so the order hangs on the codes
    const whole = await query(MOST_BEHIND('year: 2019, first: 100'));
    expect(whole.errors).toBeUndefined();
    const nodes: (Node & { id: string })[] = whole.data.reformTasks.nodes;
    const gaps = nodes.map((n) => n.progress.expected - n.progress.actual);
    expect(new Set(gaps).size).toBeLessThan(gaps.length - 5);
    for (let i = 1; i < nodes.length; i++)
      if (gaps[i] === gaps[i - 1]) expect(nodes[i].code > nodes[i - 1].code).toBe(true);
    for (const first of [1, 7]) {
      const { codes, totals } = await walk('year: 2019', first);
      expect(codes).toEqual(nodes.map((n) => n.code));
      expect(totals).toEqual([nodes.length]);
    }
    // the same tasks as the ledger order
    const byCode = await query('{ reformTasks(year: 2019, first: 100) { totalCount nodes { code } } }');
    expect(byCode.data.reformTasks.totalCount).toBe(nodes.length);
    expect(byCode.data.reformTasks.nodes.map((n: Node) => n.code)).toEqual(nodes.map((n) => n.code).sort());
  });

  it('shows each task the progress its own query shows', async () => {
    const list = await query(MOST_BEHIND(`year: 2020, regionCode: "${DEMO_COUNTY_CODE}", first: 30`));
    const nodes: (Node & { id: string })[] = list.data.reformTasks.nodes;
    expect(nodes.length).toBe(30);
    const one = await query(
      `{ ${nodes.map((n, i) => `t${i}: reformTask(id: "${n.id}") { progress { expected actual lagging milestoneOverdue } }`).join(' ')} }`,
    );
    expect(nodes.map((_, i) => one.data[`t${i}`].progress)).toEqual(nodes.map((n) => n.progress));
  });

  it.each([
    ['year: 2020'],
    ['year: 2020, lagging: true'],
    ['year: 2020, lagging: false'],
    ['lagging: true'],
    [`year: 2019, regionCode: "${DEMO_COUNTY_CODE}001"`],
    ['year: 2020, keyOnly: true, lagging: true'],
    ['topLevelOnly: true, status: IN_PROGRESS'],
    ['search: "改革"'],
    ['search: "%"'],
  ])('counts the list the ledger order counts: %s', async (args) => {
    const byCode = await query(`{ reformTasks(${args}, first: 1) { totalCount } }`);
    const mostBehind = await query(MOST_BEHIND(`${args}, first: 1`));
    expect(mostBehind.errors).toBeUndefined();
    expect(mostBehind.data.reformTasks.totalCount).toBe(byCode.data.reformTasks.totalCount);
    expect(mostBehind.data.reformTasks.nodes.length).toBe(Math.min(1, byCode.data.reformTasks.totalCount));
  });

  it('counts the whole list on a page past its end', async () => {
    const { totalCount, pageInfo } = (await query(MOST_BEHIND('year: 2020, first: 100'))).data.reformTasks;
    expect(pageInfo.hasNextPage).toBe(false);
    const beyond = await query(MOST_BEHIND(`year: 2020, first: 5, after: "${pageInfo.endCursor}"`));
    expect(beyond.data.reformTasks).toMatchObject({
      totalCount,
      nodes: [],
      pageInfo: { hasNextPage: false },
    });
  });

  it('costs the reform subgraph one statement (page, count and progress) and one for names whatever the page size', async () => {
    const cockpit = (first: number) =>
      `{ reformTasks(year: 2020, regionCode: "${DEMO_COUNTY_CODE}", lagging: true, orderBy: MOST_BEHIND, first: ${first}) {
           totalCount nodes { id title leadOrganization { name } progress { expected actual } } } }`;
    const small = await countStatements(reform.orm, () => query(cockpit(1)));
    const large = await countStatements(reform.orm, () => query(cockpit(100)));
    expect(large.result.errors).toBeUndefined();
    expect(large.result.data.reformTasks.nodes.length).toBeGreaterThan(2);
    expect(large.result.data.reformTasks.nodes.every((n: any) => n.leadOrganization.name)).toBe(true);
    // and the lead organisations' names, one statement over reform's copy of the directory (shared with people)
    expect(large.sql).toHaveLength(2);
    expect(small.sql).toHaveLength(2);
    const board = await countStatements(reform.orm, () =>
      query(BOARD(`first: 6, regionCode: "${DEMO_COUNTY_CODE}"`)),
    );
    expect(board.result.data.resultsBoard.length).toBeGreaterThan(0);
    expect(board.sql).toHaveLength(2);
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

describe('the reform office’s other lists, paged as plain SQL orders them', () => {
  type Connection = {
    totalCount: number;
    nodes: { id: string }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
  const county = `${regionCodePrefix(DEMO_COUNTY_CODE)}%`;
  const rows = (statement: string, params: unknown[] = []) =>
    reform.orm.em.fork().getConnection().execute<{ id: string }[]>(statement, params);

  /** Up to three pages of `field(…, first, after)` through the gateway, each after the last one's cursor. */
  async function walk(field: string, args: string, first: number) {
    const ids: string[] = [];
    const counts: number[] = [];
    let after: string | null = null;
    let more = true;
    for (let page = 0; more && page < 3; page++) {
      const { data, errors } = await gateway.query<any>(
        `query ($after: String) { ${field}(${args} first: ${first}, after: $after) {
          totalCount nodes { id } pageInfo { hasNextPage endCursor } } }`,
        { after },
        leader,
      );
      expect(errors).toBeUndefined();
      const connection: Connection = data[field];
      counts.push(connection.totalCount);
      ids.push(...connection.nodes.map((node) => node.id));
      [after, more] = [connection.pageInfo.endCursor, connection.pageInfo.hasNextPage];
    }
    return { ids, counts, more };
  }

  const LISTS: [string, string, number, string, unknown[]][] = [
    [
      'inspections',
      `regionCode: "${DEMO_COUNTY_CODE}",`,
      2,
      `select id from inspection i where exists (select 1 from unnest(i.region_codes) c where c like ?)
        order by inspected_on, id`,
      [county],
    ],
    [
      'bulletins',
      `regionCode: "${DEMO_COUNTY_CODE}",`,
      2,
      `select id from bulletin where region_code like ? order by issued_on, id`,
      [county],
    ],
    [
      'dispatchRounds',
      `regionCode: "${DEMO_COUNTY_CODE}",`,
      3,
      `select id from dispatch_round where region_code like ? order by month, id`,
      [county],
    ],
    [
      'outcomes',
      `regionCode: "${DEMO_COUNTY_CODE}",`,
      2,
      `select id from outcome where region_code like ? order by year, id`,
      [county],
    ],
    ['reformDocuments', '', 3, `select id from reform_document order by issued_on, id`, []],
    ['promotions', '', 3, `select id from promotion order by occurred_on, id`, []],
    ['workPoints', 'year: 2020,', 5, `select id from work_point where year = 2020 order by year, id`, []],
    [
      'problems',
      `regionCode: "${DEMO_COUNTY_CODE}", account: DEPARTMENT,`,
      3,
      `select id from problem where region_code like ? and account = 'DEPARTMENT' order by number, id`,
      [county],
    ],
  ];

  it.each(LISTS)('%s(%s) pages as SQL orders it', async (field, args, first, statement, params) => {
    const expected = (await rows(statement, params)).map((row) => row.id);
    expect(expected.length).toBeGreaterThan(first);
    const walked = await walk(field, args, first);
    expect(walked.ids).toEqual(expected.slice(0, walked.ids.length));
    expect(walked.ids.length).toBe(walked.more ? 3 * first : expected.length);
    for (const count of walked.counts) expect(count).toBe(expected.length);
  });

  it('answers a cursor that does not fit the list’s columns with BAD_USER_INPUT on `after`', async () => {
    const cursor = Buffer.from(JSON.stringify(['2020', 'x'])).toString('base64url');
    const { errors } = await query(`{ workPoints(after: "${cursor}") { totalCount } }`);
    expect(errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after', rule: 'cursor' });
  });
});
