import ExcelJS from 'exceljs';
import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { fakeClock, startTestGateway, type TestGateway, type TestSubgraph } from '@county/test-kit';
import {
  everywhereItem,
  NO_DIFFERENCES,
  rollupDifferences,
  startFixtures,
  townshipCentre,
  ok,
} from './fixtures';

/**
 * New Year 2027 as a county lives it: no official 2027 schedule exists (no package knows it), the centres
 * keep working on a provisional calendar, and when the bureau enters the State Council notice everything
 * counted over 2027 is recomputed. The subgraph runs in this process: only Date is faked (and keeps
 * ticking); every timer stays real.
 */
let people: TestSubgraph;
let gov: TestSubgraph;
let gateway: TestGateway;
const staff = { claims: { sub: 'clerk', roles: [`department:${townshipCentre.organization_id}`] } };
const bureau = { claims: { sub: 'bureau-clerk', roles: ['approval-bureau'] } };
const leader = { claims: { sub: 'leader', roles: ['leader'] } };
const agent = townshipCentre.agents[0];
const base = () => gov.url.replace(/\/graphql$/, '');

beforeAll(async () => {
  ({ people, gov } = await startFixtures());
  gateway = await startTestGateway([people, gov]);
  fakeClock('2026-12-23T03:00:00Z');
}, 60_000);
afterAll(async () => {
  await gateway.stop();
  await gov.close();
  await people.close();
  jest.useRealTimers();
});

const register = (receivedAt: string) =>
  ok(
    gateway.query(
      `mutation ($input: RegisterCaseInput!) { registerCase(input: $input) { id } }`,
      {
        input: {
          itemId: everywhereItem.id,
          centreId: townshipCentre.id,
          channel: 'PROXY',
          applicantKind: 'PERSON',
          proxyAgentId: agent,
          receivedAt,
        },
      },
      staff,
    ),
  ).then((data) => data.registerCase.id as string);
const event = (id: string, input: Record<string, unknown>) =>
  ok(
    gateway.query(
      `mutation ($id: ID!, $input: CaseEventInput!) { recordCaseEvent(caseId: $id, input: $input) { kind } }`,
      { id, input },
      staff,
    ),
  );
const serviceCase = (id: string) =>
  ok(
    gateway.query(
      `query ($id: ID!) { serviceCase(id: $id) { workingDays onTime calendarProvisional
         rating { rectifyBy rectifyByProvisional } } }`,
      { id },
      leader,
    ),
  ).then((data) => data.serviceCase);
const stats = () =>
  ok(
    gateway.query(
      `{ region(code: "${DEMO_COUNTY_CODE}") { serviceStats(from: "2026-12-01", to: "2027-01-31") {
         received completed p50WorkingDays badReviews badReviewsRectifiedOnTime calendarProvisional } } }`,
    ),
  ).then((data) => data.region.serviceStats);
const calendar = (year: number) =>
  ok(
    gateway.query(
      `query ($year: Int!) { workingCalendar(year: $year) { status source version workingDays
         days { day kind name } recompute { status casesDone casesChanged ratingsDone } } }`,
      { year },
    ),
  ).then((data) => data.workingCalendar);
const readiness = async () => ((await (await fetch(`${base()}/readyz`)).json()) as any).calendar;
const gauge = async () => {
  const text = await (await fetch(`${base()}/metrics`)).text();
  return Number(/^working_calendar_official_days_left\{[^}]*\} (-?\d+)$/m.exec(text)?.[1]);
};
const setClock = (iso: string) => jest.setSystemTime(new Date(iso));

/**
 * A made-up 2027 notice (the real one is not out): the statutory days, 4 January bridged to New Year, and
 * Saturday 9 January worked, so that a case and a deadline in January count differently from the
 * provisional calendar.
 */
async function notice2027(template: Buffer): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0];
  sheet.eachRow((row, n) => {
    if (n > 1) row.getCell(4).value = '国务院办公厅关于2027年部分节假日安排的通知（测试）';
  });
  sheet.addRow(['2027-01-04', '放假', '元旦', '国务院办公厅关于2027年部分节假日安排的通知（测试）']);
  sheet.addRow(['2027-01-09', '调休上班', '元旦', '国务院办公厅关于2027年部分节假日安排的通知（测试）']);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const upload = (file: Buffer, query: string, token: string) =>
  fetch(`${gateway.url.replace(/\/graphql$/, '')}/files/gov-services/calendar.xlsx?${query}`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/octet-stream' },
    body: new Uint8Array(file),
  });

describe('New Year 2027 without an official schedule', () => {
  let lateCase: string;
  let ratedCase: string;

  it('24 December 2026: a 1-star rating is accepted, its deadline in 2027 marked provisional', async () => {
    ratedCase = await register('2026-12-22T01:00:00Z');
    await event(ratedCase, { kind: 'ACCEPTED', at: '2026-12-22T02:00:00Z' });
    await event(ratedCase, { kind: 'COMPLETED', at: '2026-12-23T02:00:00Z', result: 'APPROVED' });
    // 24 December (UTC) is Christmas morning in China: five working days run into 2027
    setClock('2026-12-24T17:00:00Z');
    await event(ratedCase, { kind: 'RATED', at: '2026-12-24T17:00:00Z', score: 1 });
    const rated = await serviceCase(ratedCase);
    // Mon 28 – Thu 31 December, then Mon 4 January on the provisional calendar
    expect(rated.rating).toEqual({ rectifyBy: '2027-01-04', rectifyByProvisional: true });
    expect(rated.calendarProvisional).toBe(false);
  });

  it('late 2026: readiness and the gauge say how far the official calendar reaches', async () => {
    expect(await readiness()).toEqual({
      officialThrough: '2026-12-31',
      officialDaysLeft: 6,
      thisYear: 'OFFICIAL',
      nextYear: 'PROVISIONAL',
      recomputing: [],
    });
    expect(await gauge()).toBe(6);
    expect((await fetch(`${base()}/readyz`)).status).toBe(200);
  });

  it('4–20 January 2027: a case is registered, completed with provisional working days', async () => {
    setClock('2027-01-04T02:00:00Z');
    expect((await calendar(2027)).status).toBe('PROVISIONAL');
    lateCase = await register('2027-01-04T01:00:00Z');
    await event(lateCase, { kind: 'ACCEPTED', at: '2027-01-04T01:30:00Z' });
    setClock('2027-01-05T02:00:00Z');
    // rectified a day after the provisional deadline: late, for now
    await event(ratedCase, { kind: 'RECTIFIED', at: '2027-01-05T02:00:00Z' });
    setClock('2027-01-20T08:00:00Z');
    await event(lateCase, { kind: 'COMPLETED', at: '2027-01-20T07:00:00Z', result: 'APPROVED' });
    // Tue 5 – Wed 20 January: 12 working days without make-up days
    expect(await serviceCase(lateCase)).toMatchObject({ workingDays: 12, calendarProvisional: true });
    const before = await stats();
    expect(before).toMatchObject({
      received: 2,
      completed: 2,
      badReviews: 1,
      badReviewsRectifiedOnTime: 0,
      calendarProvisional: true,
    });
    expect(await readiness()).toMatchObject({ officialThrough: null, thisYear: 'PROVISIONAL' });
    expect(await gauge()).toBe(-20);
    expect(await rollupDifferences(gov.orm)).toEqual(NO_DIFFERENCES);
  });

  it('the year after the last official one is provisional, never an error', async () => {
    const next = await calendar(2028);
    expect(next.status).toBe('PROVISIONAL');
    expect(next.source).toContain('2024年修订');
    // 2028: Mid-Autumn falls on 3 October, a National Day holiday: one day, both names
    expect(next.days).toHaveLength(12);
    expect(next.days).toContainEqual({ day: '2028-10-03', kind: 'HOLIDAY', name: '中秋节、国庆节' });
    expect(next.workingDays).toBeGreaterThan(240);
  });

  it('the 2027 notice entered through the spreadsheet: every figure recomputed, equal to a recount, unmarked', async () => {
    const templateResponse = await fetch(
      `${gateway.url.replace(/\/graphql$/, '')}/files/gov-services/calendar.xlsx?year=2027`,
      { headers: { authorization: `Bearer ${await gateway.token(leader.claims)}` } },
    );
    expect(templateResponse.status).toBe(200);
    const file = await notice2027(Buffer.from(await templateResponse.arrayBuffer()));
    const response = await upload(file, 'year=2027', await gateway.token(bureau.claims));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ year: 2027, status: 'OFFICIAL', days: 15 });

    // the recompute runs in the background; the readiness report lists the years still being recomputed
    // (the gateway may answer a query from its short cache, so the poll asks the subgraph itself)
    let pending = (await readiness()).recomputing;
    for (let i = 0; i < 200 && pending.length; i++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      pending = (await readiness()).recomputing;
    }
    expect(pending).toEqual([]);
    const entered = await calendar(2027);
    expect(entered).toMatchObject({
      status: 'OFFICIAL',
      source: '国务院办公厅关于2027年部分节假日安排的通知（测试）',
      version: 1,
      recompute: { status: 'DONE', casesDone: 1, casesChanged: 1, ratingsDone: 1 },
    });
    // Saturday 9 January worked: 13 working days; 4 January off: the deadline moves to 5 January
    expect(await serviceCase(lateCase)).toMatchObject({ workingDays: 13, calendarProvisional: false });
    expect((await serviceCase(ratedCase)).rating).toEqual({
      rectifyBy: '2027-01-05',
      rectifyByProvisional: false,
    });
    expect(await stats()).toMatchObject({
      received: 2,
      completed: 2,
      badReviewsRectifiedOnTime: 1,
      calendarProvisional: false,
    });
    expect(await rollupDifferences(gov.orm)).toEqual(NO_DIFFERENCES);
    expect(await readiness()).toMatchObject({ officialThrough: '2027-12-31', nextYear: 'PROVISIONAL' });
    expect(await gauge()).toBe(345);
  });

  it('the entry is in the audit trail, as the bureau', async () => {
    const trail = await ok(
      gateway.query(
        `{ govServicesAuditTrail(entity: "CalendarYear", entityId: "2027") { nodes { operation subject } } }`,
        {},
        { claims: { sub: 'auditor', roles: ['auditor'] } },
      ),
    );
    expect(trail.govServicesAuditTrail.nodes).toEqual([{ operation: 'create', subject: 'bureau-clerk' }]);
  });
});
