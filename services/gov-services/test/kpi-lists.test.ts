import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { startTestGateway, type TestGateway, type TestSubgraph } from '@county/test-kit';
import { city, ok, startFixtures } from './fixtures';
import { loadDemoCases } from '../src/seeders/seed';

let people: TestSubgraph;
let gov: TestSubgraph;
let gateway: TestGateway;
const leader = { claims: { sub: 'leader', roles: ['leader'] } };

beforeAll(async () => {
  ({ people, gov } = await startFixtures());
  // 1 % of a year: a few thousand cases over a few hundred items
  await gov.orm.em.fork().transactional((em) => loadDemoCases(em, city, [2019], '2019-12-31', 0.01));
  gateway = await startTestGateway([people, gov]);
}, 90_000);
afterAll(async () => {
  await gateway.stop();
  await gov.close();
  await people.close();
});

type Entry = { id: string; received: number; completed: number; onTimeRate: number | null };
const FIGURES = 'received completed onTimeRate';

const stats = async (from: string, to: string, fields: string) =>
  (
    await ok(
      gateway.query(
        `{ region(code: "${DEMO_COUNTY_CODE}") { serviceStats(from: "${from}", to: "${to}") { ${fields} } } }`,
        {},
        leader,
      ),
    )
  ).region.serviceStats;

/** Every page of one list, in order, and its totalCount. */
async function allPages(list: 'itemKpis' | 'centreKpis', from: string, to: string, sort = '') {
  const node = list === 'itemKpis' ? 'item { id }' : 'centre { id }';
  const entries: Entry[] = [];
  let after: string | null = null;
  let totalCount = 0;
  for (let page = 0; page < 50; page++) {
    const args = `first: 100${sort}${after ? `, after: "${after}"` : ''}`;
    const answer: any = (
      await stats(
        from,
        to,
        `${list}(${args}) { totalCount nodes { ${node} ${FIGURES} }
      pageInfo { hasNextPage endCursor } }`,
      )
    )[list];
    totalCount = answer.totalCount;
    for (const n of answer.nodes)
      entries.push({
        id: (n.item ?? n.centre).id,
        received: n.received,
        completed: n.completed,
        onTimeRate: n.onTimeRate,
      });
    if (!answer.pageInfo.hasNextPage) break;
    after = answer.pageInfo.endCursor;
  }
  return { entries, totalCount };
}

const sql = async (query: string, params: unknown[] = []) =>
  gov.orm.em.fork().getConnection().execute(query, params);

describe('KPIs per item and per centre (paged, sortable)', () => {
  it.each([
    ['a calendar year', '2019-01-01', '2019-12-31'],
    ['months with partial edges', '2019-02-10', '2019-05-20'],
  ])('lists every item and centre with the figures serviceStats gives them: %s', async (_case, from, to) => {
    const top = await stats(
      from,
      to,
      `received topItems { item { id } ${FIGURES} } topCentres { centre { id } ${FIGURES} }`,
    );
    for (const [list, topList, key] of [
      ['itemKpis', top.topItems, 'item'],
      ['centreKpis', top.topCentres, 'centre'],
    ] as const) {
      const { entries, totalCount } = await allPages(list, from, to);
      expect(entries).toHaveLength(totalCount);
      expect(new Set(entries.map((e) => e.id)).size).toBe(totalCount);
      // beyond the top 10
      expect(totalCount).toBeGreaterThan(10);
      // the first ten by received are serviceStats' top ten, figure for figure
      expect(entries.slice(0, 10)).toEqual(
        topList.map((t: any) => ({
          id: t[key].id,
          received: t.received,
          completed: t.completed,
          onTimeRate: t.onTimeRate,
        })),
      );
      for (let i = 1; i < entries.length; i++)
        expect(entries[i - 1].received).toBeGreaterThanOrEqual(entries[i].received);
    }
  });

  it('agrees with SQL over the cases for every item, over the whole months of the period', async () => {
    const { entries } = await allPages('itemKpis', '2019-01-01', '2019-12-31');
    const day = (column: string) => `(${column} at time zone 'Asia/Shanghai')::date`;
    const truth = await sql(`select item_id id,
        count(*) filter (where ${day('received_at')} between '2019-01-01' and '2019-12-31')::int received,
        count(*) filter (where ${day('completed_at')} between '2019-01-01' and '2019-12-31')::int completed,
        count(*) filter (where ${day('completed_at')} between '2019-01-01' and '2019-12-31' and on_time)::int on_time
      from service_case group by item_id having count(*) > 0`);
    const byId = new Map(entries.map((e) => [e.id, e]));
    expect(byId.size).toBe(truth.length);
    for (const row of truth)
      expect(byId.get(row.id)).toEqual({
        id: row.id,
        received: row.received,
        completed: row.completed,
        onTimeRate: row.completed ? expect.closeTo(row.on_time / row.completed, 9) : null,
      });
    // every case of the year counted once: the list adds up to serviceStats' received
    const { received } = await stats('2019-01-01', '2019-12-31', 'received');
    expect(entries.reduce((s, e) => s + e.received, 0)).toBe(received);
  });

  it.each([
    ['COMPLETED', 'DESC', (e: Entry) => e.completed],
    ['ON_TIME_RATE', 'ASC', (e: Entry) => e.onTimeRate ?? -1],
    ['RECEIVED', 'ASC', (e: Entry) => e.received],
  ])('sorts by %s %s across pages, ties by id, each entry once', async (orderBy, direction, key) => {
    const { entries, totalCount } = await allPages(
      'centreKpis',
      '2019-01-01',
      '2019-12-31',
      `, orderBy: ${orderBy}, direction: ${direction}`,
    );
    expect(entries).toHaveLength(totalCount);
    // more than one page of 100
    expect(totalCount).toBeGreaterThan(100);
    const sign = direction === 'ASC' ? 1 : -1;
    for (let i = 1; i < entries.length; i++) {
      const order = sign * (key(entries[i]) - key(entries[i - 1]));
      expect(order).toBeGreaterThanOrEqual(0);
      if (order === 0) expect(entries[i].id > entries[i - 1].id).toBe(true);
    }
  });

  it.each([
    ['a cursor it did not hand out', 'after: "not-a-cursor"', 'after', 'cursor'],
    ['a page of 0', 'first: 0', 'first', 'min'],
    ['a page over the maximum', 'first: 101', 'first', 'max'],
  ])('refuses %s naming the argument and rule', async (_case, args, field, rule) => {
    const { errors } = await gateway.query<any>(
      `{ region(code: "${DEMO_COUNTY_CODE}") { serviceStats(from: "2019-01-01", to: "2019-12-31") {
        itemKpis(${args}) { nodes { received } } } } }`,
      {},
      leader,
    );
    expect(errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
  });
});
