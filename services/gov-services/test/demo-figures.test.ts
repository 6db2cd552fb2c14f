import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { peopleSubgraph } from '@county/people';
import { govServicesSubgraph } from '@county/gov-services';
import { startTestGateway, startTestSubgraph, type TestGateway, type TestSubgraph } from '@county/test-kit';

/*
 * Report 001's service figures, as the cockpit asks for them of the demo county: the full demo (both years,
 * unscaled), seeded by the subgraph's own seeder as `npm start` seeds it.
 */
let people: TestSubgraph;
let gov: TestSubgraph;
let gateway: TestGateway;
const leader = { claims: { sub: 'leader', roles: ['leader' as const] } };

beforeAll(async () => {
  people = await startTestSubgraph(peopleSubgraph, { demoCounties: 1 });
  gov = await startTestSubgraph(govServicesSubgraph, { demoCounties: 1, directory: people });
  gateway = await startTestGateway([people, gov]);
}, 300_000);
afterAll(async () => {
  await gateway?.stop();
  await gov?.close();
  await people?.close();
});

const FIGURES = `query ($code: ID!) { region(code: $code) {
  y2019: serviceStats(from: "2019-01-01", to: "2019-10-31") {
    received receivedPreviousYear yearOnYearGrowth ratings satisfactionShare }
  y2018: serviceStats(from: "2018-01-01", to: "2018-10-31") { received ratings satisfactionShare } } }`;

const percent = (share: number) => Math.round(share * 10_000) / 100;

describe('the demo county’s published service figures, through the gateway', () => {
  let figures: any;
  beforeAll(async () => {
    const { data, errors } = await gateway.query<any>(FIGURES, { code: DEMO_COUNTY_CODE }, leader);
    expect(errors).toBeUndefined();
    figures = data.region;
  });

  it('received 230,900 cases January–October 2019, +62.5 % on the same months of 2018', () => {
    expect(figures.y2019.received).toBe(230_900);
    expect(figures.y2019.receivedPreviousYear).toBe(figures.y2018.received);
    expect(Math.round(figures.y2019.yearOnYearGrowth * 1000) / 10).toBe(62.5);
  });

  it('raised satisfaction from 97.89 % (2018) to 99.78 % (2019), over thousands of ratings', () => {
    expect(percent(figures.y2018.satisfactionShare)).toBe(97.89);
    expect(percent(figures.y2019.satisfactionShare)).toBe(99.78);
    expect(figures.y2018.ratings).toBeGreaterThan(10_000);
    expect(figures.y2019.ratings).toBeGreaterThan(10_000);
  });

  it('staffs the township centres with 9.2 people per township, as the roster answers them today', async () => {
    const { data, errors } = await gateway.query<any>(
      `{ serviceCentres(regionCode: "${DEMO_COUNTY_CODE}", level: TOWNSHIP, first: 100) {
          totalCount nodes { staff } } }`,
      {},
      leader,
    );
    expect(errors).toBeUndefined();
    const { totalCount, nodes } = data.serviceCentres;
    expect(totalCount).toBe(21);
    const staff = nodes.reduce((sum: number, centre: { staff: number }) => sum + centre.staff, 0);
    expect(Math.round((staff / totalCount) * 10) / 10).toBe(9.2);
  });

  it('spreads the volume over the whole year, November and December at the same pace', async () => {
    const { data, errors } = await gateway.query<any>(
      `{ region(code: "${DEMO_COUNTY_CODE}") { serviceStats(from: "2019-01-01", to: "2019-12-31") {
          received byMonth { month received } } } }`,
      {},
      leader,
    );
    expect(errors).toBeUndefined();
    const { received, byMonth } = data.region.serviceStats;
    const rest = received - 230_900;
    expect(byMonth).toHaveLength(12);
    // two months of twelve, give or take the holidays
    expect(rest / received).toBeGreaterThan(0.14);
    expect(rest / received).toBeLessThan(0.2);
    for (const month of byMonth) expect(month.received).toBeLessThan(received * 0.12);
  });
});
