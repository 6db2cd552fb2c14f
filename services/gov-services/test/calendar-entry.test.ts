import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import pino from 'pino';
import { as, subgraphHeaders, type TestSubgraph } from '@county/test-kit';
import { WorkingCalendar } from '@county/gov-services';
import { seedCalendar } from '../src/calendar/calendar.store';
import { CalendarWatch } from '../src/calendar/calendar-watch';
import { statutoryHolidays } from '../src/calendar/statutory-holidays';
import { recomputeIdle } from '../src/calendar/calendar.runtime';
import { CalendarRecomputer } from '../src/calendar/recompute';
import { workingCalendar } from '@county/gov-services';
import { calendarEntryRule } from '../src/calendar/calendar.rules';
import { enterYear, loadOfficialYears } from '../src/calendar/calendar.store';
import { loadDemoCases } from '../src/seeders/seed';
import { city, countyCentre, NO_DIFFERENCES, rollupDifferences, startFixtures } from './fixtures';

let people: TestSubgraph;
let gov: TestSubgraph;
const bureau = as.role('approval-bureau');

beforeAll(async () => {
  ({ people, gov } = await startFixtures());
}, 60_000);
afterAll(async () => {
  await gov.close();
  await people.close();
});

const ENTER = `mutation ($input: WorkingCalendarInput!) { enterWorkingCalendar(input: $input) { year status version } }`;
const SOURCE = '国务院办公厅关于2028年部分节假日安排的通知（测试）';
const statutory2028 = () =>
  statutoryHolidays(2028).map((h) => ({ date: h.day, kind: 'HOLIDAY', name: h.name }));
const enter = (days: unknown[], identity = bureau, extra: Record<string, unknown> = {}) =>
  gov.query<any>(ENTER, { input: { year: 2028, source: SOURCE, days, ...extra } }, identity);

/** What a refused write must leave as it was: the calendar's rows and the audit trail. */
const snapshot = () =>
  gov.orm.em
    .fork()
    .getConnection()
    .execute(
      `select (select count(*) from working_calendar_day) as days, (select count(*) from working_calendar_year) as years,
              (select count(*) from calendar_recompute) as jobs, (select count(*) from audit_record) as audit`,
    );

async function refused(pending: Promise<any>, field: string, rule: string) {
  const before = await snapshot();
  const result = await pending;
  expect(result.errors?.[0]?.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field, rule });
  expect(await snapshot()).toEqual(before);
  return result.errors[0];
}

describe('entering a year: bad input gets a clear error and changes nothing', () => {
  it('a make-up working day on a weekday', async () => {
    // Wed 12 January 2028
    const error = await refused(
      enter([...statutory2028(), { date: '2028-01-12', kind: 'WORKDAY' }]),
      'input.days.12.date',
      'weekend',
    );
    expect(error.message).toContain('星期三');
  });

  it('a day outside the year', async () => {
    await refused(
      enter([...statutory2028(), { date: '2029-01-02', kind: 'HOLIDAY' }]),
      'input.days.12.date',
      'in-year',
    );
  });

  it('a day listed twice', async () => {
    await refused(
      enter([...statutory2028(), { date: '2028-01-01', kind: 'HOLIDAY' }]),
      'input.days.12.date',
      'unique',
    );
  });

  it('a statutory holiday missing (Qingming)', async () => {
    const days = statutory2028().filter((d) => d.name !== '清明节');
    const error = await refused(enter(days), 'input.days', 'statutory-holiday');
    expect(error.message).toContain('清明节');
  });

  it('a write by anyone but the bureau', async () => {
    const before = await snapshot();
    const county = await enter(statutory2028(), as.role(`department:${countyCentre.organization_id}`));
    expect(county.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      allowedRoles: ['approval-bureau'],
    });
    const anonymous = await enter(statutory2028(), as.anonymous);
    expect(anonymous.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
    expect(await snapshot()).toEqual(before);
  });

  it('a year already entered, replaced without the version read', async () => {
    const before = await snapshot();
    const result = await gov.query<any>(
      ENTER,
      {
        input: {
          year: 2026,
          source: 'a second 2026 notice',
          days: statutoryHolidays(2026).map((h) => ({ date: h.day, kind: 'HOLIDAY' })),
        },
      },
      bureau,
    );
    expect(result.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      field: 'input.version',
      rule: 'current-version',
    });
    expect(await snapshot()).toEqual(before);
  });

  it('a spreadsheet with one bad row among good ones: nothing entered, the row named', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('2028');
    sheet.addRow(['日期', '类型', '节日', '来源']);
    for (const day of statutory2028()) sheet.addRow([day.date, '放假', day.name, SOURCE]);
    sheet.addRow(['2028-01-12', '调休上班', '', SOURCE]); // a Wednesday
    sheet.addRow(['2028-02-30', '放假', '', SOURCE]); // no such day
    const before = await snapshot();
    const response = await fetch(`${gov.url.replace(/\/graphql$/, '')}/files/calendar.xlsx?year=2028`, {
      method: 'POST',
      headers: await subgraphHeaders(gov, bureau),
      body: new Uint8Array(await workbook.xlsx.writeBuffer()),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as any;
    expect(body.errors[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'file', rule: 'rows' });
    expect(body.errors[0].extensions.rejected).toEqual([
      { row: 15, column: '日期', reason: '2028-02-30 is not a date (YYYY-MM-DD)' },
      expect.objectContaining({ row: 14, column: '日期', rule: 'weekend' }),
    ]);
    expect(await snapshot()).toEqual(before);
  });

  it('a good entry is OFFICIAL at once and audited', async () => {
    const result = await enter([...statutory2028(), { date: '2028-01-29', kind: 'WORKDAY', name: '春节' }]);
    expect(result.errors).toBeUndefined();
    expect(result.data.enterWorkingCalendar).toEqual({ year: 2028, status: 'OFFICIAL', version: 1 });
    const trail = await gov.query<any>(
      `{ govServicesAuditTrail(entity: "CalendarDay", subject: "${bureau.subject}", from: "2000-01-01T00:00:00Z") { totalCount nodes { operation entityId } } }`,
      {},
      as.role('auditor'),
    );
    expect(trail.data.govServicesAuditTrail.totalCount).toBe(statutory2028().length + 1);
    expect(trail.data.govServicesAuditTrail.nodes[0]).toEqual({
      operation: 'create',
      entityId: '2028-01-01',
    });
  });
});

describe('the calendar table over the years', () => {
  const sql = (text: string) => gov.orm.em.fork().getConnection().execute(text);

  it('a newer package adds the years the table lacks and leaves what the bureau entered alone', async () => {
    const [{ version }] = await sql(`select version from working_calendar_year where year = 2026`);
    const corrected = await gov.query<any>(
      ENTER,
      {
        input: {
          year: 2026,
          source: '国办发明电〔2025〕7号（更正）',
          version,
          days: statutoryHolidays(2026).map((h) => ({ date: h.day, kind: 'HOLIDAY', name: h.name })),
        },
      },
      bureau,
    );
    expect(corrected.errors).toBeUndefined();
    // 2025 as if an older package had never carried it
    await sql(`delete from working_calendar_day where year = 2025`);
    await sql(`delete from working_calendar_year where year = 2025`);
    expect(await seedCalendar(gov.orm.em.fork())).toEqual([2025]);
    const years = await sql(
      `select year, source, entered_by from working_calendar_year where year in (2025, 2026) order by year`,
    );
    expect(years).toEqual([
      { year: 2025, source: expect.stringMatching(/^chinese-days@/), entered_by: null },
      { year: 2026, source: '国办发明电〔2025〕7号（更正）', entered_by: bureau.subject },
    ]);
    const [{ days }] = await sql(`select count(*)::int as days from working_calendar_day where year = 2026`);
    expect(days).toBe(statutoryHolidays(2026).length);
  });

  it('a recompute resumes from its cursor after a crash, equals a recount, and run again changes nothing', async () => {
    await gov.orm.em.fork().transactional((em) => loadDemoCases(em, city, [2019], '2019-12-31', 0.005));
    await recomputeIdle();
    // a correction of 2019 (made up): Monday 10 June off as well, Saturday 15 June worked
    const [{ version }] = await sql(`select version from working_calendar_year where year = 2019`);
    const year = (await loadOfficialYears(gov.orm.em.fork())).find((y) => y.year === 2019)!;
    const entry = calendarEntryRule.parse({
      year: 2019,
      source: '2019年放假安排（测试更正）',
      version,
      days: [
        ...year.holidays.map((date) => ({ date, kind: 'HOLIDAY' })),
        { date: '2019-06-10', kind: 'HOLIDAY' },
        ...year.workdays.map((date) => ({ date, kind: 'WORKDAY' })),
        { date: '2019-06-15', kind: 'WORKDAY' },
      ],
    });
    // entered without this process's runtime picking the job up: the test drives it batch by batch
    await enterYear(gov.orm.em.fork(), entry, 'test');
    workingCalendar.load(await loadOfficialYears(gov.orm.em.fork()));
    const logger = pino({ level: 'silent' });
    const first = new CalendarRecomputer(gov.orm, logger, () => undefined, 20);
    expect(await first.step()).toBe(true);
    expect(await first.step()).toBe(true);
    // the process dies here; the next one finds the job RUNNING, its cursor after the 40 cases done
    const [crashed] = await sql(
      `select status, cases_done, cases_total from calendar_recompute order by id desc limit 1`,
    );
    expect(crashed).toMatchObject({ status: 'RUNNING', cases_done: 40 });
    expect(crashed.cases_total).toBeGreaterThan(40);
    const second = new CalendarRecomputer(gov.orm, logger, () => undefined, 20);
    while (await second.step());
    const [job] = await sql(`select * from calendar_recompute order by id desc limit 1`);
    expect(job).toMatchObject({ status: 'DONE', cases_done: crashed.cases_total });
    expect(job.cases_changed).toBeGreaterThan(0);
    expect(await rollupDifferences(gov.orm)).toEqual(NO_DIFFERENCES);

    // the same year recomputed again: every case is already counted with it
    await sql(
      `insert into calendar_recompute (year, status, phase, requested_at) values (2019, 'RUNNING', 'cases', now())`,
    );
    while (await second.step());
    const [again] = await sql(
      `select status, cases_done, cases_changed from calendar_recompute order by id desc limit 1`,
    );
    expect(again).toEqual({ status: 'DONE', cases_done: crashed.cases_total, cases_changed: 0 });
    expect(await rollupDifferences(gov.orm)).toEqual(NO_DIFFERENCES);
  }, 60_000);
});

describe('warning before the calendar runs out', () => {
  const logged = () => {
    const lines: { level: number; msg: string }[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(JSON.parse(String(chunk)));
        done();
      },
    });
    return { lines, logger: pino({ level: 'info' }, stream) };
  };
  const flush = () => new Promise((resolve) => setImmediate(resolve));

  it('from 1 November, once a day while next year is provisional; louder once this year is', async () => {
    const { lines, logger } = logged();
    const watch = new CalendarWatch(new WorkingCalendar(), logger, () => []);
    watch.check(new Date('2026-10-31T04:00:00Z'));
    await flush();
    expect(lines).toHaveLength(0);
    watch.check(new Date('2026-11-01T04:00:00Z'));
    watch.check(new Date('2026-11-01T09:00:00Z'));
    await flush();
    expect(lines.map((l) => l.level)).toEqual([40]);
    expect(lines[0].msg).toContain('2027 has no official holiday schedule');
    watch.check(new Date('2026-11-02T04:00:00Z'));
    watch.check(new Date('2027-01-04T04:00:00Z'));
    await flush();
    expect(lines.map((l) => l.level)).toEqual([40, 40, 50]);
    expect(lines[2].msg).toContain('2027 is PROVISIONAL');
    expect(watch.daysLeft(new Date('2027-01-04T04:00:00Z'))).toBe(-4);
    expect(watch.daysLeft(new Date('2026-12-01T04:00:00Z'))).toBe(30);
  });
});
