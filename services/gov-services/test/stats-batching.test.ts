import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { countStatements, startTestGateway, type TestGateway, type TestSubgraph } from '@county/test-kit';
import { loadDemoCases } from '../src/seeders/seed';
import { clearStatsCache } from '../src/stats/stats-cache';
import { city, ok, startFixtures } from './fixtures';

/* serviceStats of every region at one query level in one statement, each the figures it has alone. */
let people: TestSubgraph;
let gov: TestSubgraph;
let gateway: TestGateway;
const leader = { claims: { sub: 'leader', roles: ['leader' as const] } };

beforeAll(async () => {
  ({ people, gov } = await startFixtures());
  gateway = await startTestGateway([people, gov], { RESPONSE_CACHE_TTL_MS: '0' });
  await gov.orm.em.fork().transactional((em) => loadDemoCases(em, city, [2018, 2019], '2019-12-31', 0.01));
}, 120_000);
afterAll(async () => {
  await gateway.stop();
  await gov.close();
  await people.close();
});

const STATS = `serviceStats(from: "2019-02-10", to: "2019-11-20") {
  received completed receivedPreviousYear yearOnYearGrowth byMonth { month received completed }
  byChannel { channel received } byLevel { level received } p50WorkingDays p80WorkingDays onTimeRate
  onlineShare oneVisitShare ratings satisfactionShare badReviews badReviewsRectifiedOnTime targetCases
  targetAttainment calendarProvisional }`;

const reads = (sql: string[]) => sql.filter((text) => text.includes('rollup_day'));

describe('Region.serviceStats, batched per query level', () => {
  it('answers a county’s children in ONE statement, each child as it is answered alone', async () => {
    clearStatsCache();
    const { result, sql } = await countStatements(gov.orm, () =>
      ok(
        gateway.query(
          `{ region(code: "${DEMO_COUNTY_CODE}") { ${STATS} children { code ${STATS} } } }`,
          {},
          leader,
        ),
      ),
    );
    const children = result.region.children;
    expect(children.length).toBeGreaterThan(10);
    // the county's statement, then one for all its townships (one per township before)
    expect(reads(sql)).toHaveLength(2);
    expect(children.filter((child: any) => child.serviceStats.received > 0).length).toBeGreaterThan(5);
    for (const child of children) {
      clearStatsCache();
      const alone = await countStatements(gov.orm, () =>
        ok(gateway.query(`{ region(code: "${child.code}") { ${STATS} } }`, {}, leader)),
      );
      expect(reads(alone.sql)).toHaveLength(1);
      expect(alone.result.region.serviceStats).toEqual(child.serviceStats);
    }
  });

  it('keeps the cache: the same level asked again costs no statement', async () => {
    const query = `{ region(code: "${DEMO_COUNTY_CODE}") { children { code ${STATS} } } }`;
    clearStatsCache();
    const first = await countStatements(gov.orm, () => ok(gateway.query(query, {}, leader)));
    const again = await countStatements(gov.orm, () => ok(gateway.query(query, {}, leader)));
    expect(reads(first.sql)).toHaveLength(1);
    expect(reads(again.sql)).toHaveLength(0);
    expect(again.result).toEqual(first.result);
  });

  it('batches the regions counted as recorded the same way, with the same figures (no merged region here)', async () => {
    const today = await ok(
      gateway.query(`{ region(code: "${DEMO_COUNTY_CODE}") { children { code ${STATS} } } }`, {}, leader),
    );
    clearStatsCache();
    const recorded = STATS.replace('to: "2019-11-20"', 'to: "2019-11-20", regions: AS_RECORDED');
    const { result, sql } = await countStatements(gov.orm, () =>
      ok(
        gateway.query(
          `{ region(code: "${DEMO_COUNTY_CODE}") { children { code ${recorded} } } }`,
          {},
          leader,
        ),
      ),
    );
    expect(reads(sql)).toHaveLength(1);
    expect(result).toEqual(today);
  });

  it('reads only the parts asked for: a level that asks one rate reads no durations, with the same rate', async () => {
    clearStatsCache();
    const level = (fields: string) =>
      `{ region(code: "${DEMO_COUNTY_CODE}") { children { code serviceStats(from: "2019-02-10", to: "2019-11-20") { ${fields} } } } }`;
    const slim = await countStatements(gov.orm, () =>
      ok(gateway.query(level('onTimeRate received'), {}, leader)),
    );
    expect(reads(slim.sql)).toHaveLength(1);
    expect(slim.sql.some((text) => text.includes('rollup_duration'))).toBe(false);
    // the cached slim answers are not served for a question that asks more: p80 needs the durations
    const full = await countStatements(gov.orm, () =>
      ok(
        gateway.query(
          level('onTimeRate received p80WorkingDays yearOnYearGrowth byMonth { month }'),
          {},
          leader,
        ),
      ),
    );
    expect(reads(full.sql)).toHaveLength(1);
    expect(full.sql.some((text) => text.includes('rollup_duration'))).toBe(true);
    const children = full.result.region.children;
    expect(
      children.filter((child: any) => child.serviceStats.p80WorkingDays !== null).length,
    ).toBeGreaterThan(5);
    expect(
      children.filter((child: any) => child.serviceStats.yearOnYearGrowth !== null).length,
    ).toBeGreaterThan(5);
    expect(
      children.map((child: any) => ({
        code: child.code,
        onTimeRate: child.serviceStats.onTimeRate,
        received: child.serviceStats.received,
      })),
    ).toEqual(slim.result.region.children.map((child: any) => ({ code: child.code, ...child.serviceStats })));
  });
});
