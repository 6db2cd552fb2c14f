import { netWorkingDays, WorkingCalendar, workingCalendar } from '@county/gov-services';
import { seedYears } from '../src/calendar/seed-years';
import { statutoryHolidays } from '../src/calendar/statutory-holidays';

describe('the working-day calendar', () => {
  it('is seeded with the years of chinese-days (2004–2026) and the local table (2003)', () => {
    const years = seedYears().map((y) => y.year);
    expect(years[0]).toBe(2003);
    expect(years.at(-1)).toBe(2026);
    expect(workingCalendar.status(2019)).toBe('OFFICIAL');
    expect(workingCalendar.status(2027)).toBe('PROVISIONAL');
  });

  it('counts a plain week: weekends do not count', () => {
    // Mon 2019-06-10 → Mon 2019-06-17: Tue–Fri and Mon
    expect(workingCalendar.between('2019-06-10', '2019-06-17')).toBe(5);
    expect(workingCalendar.isWorkingDay('2019-06-15')).toBe(false);
  });

  it('skips the National Day week and counts its make-up Saturday', () => {
    // 2019: 1–7 October off; Sun 29 September and Sat 12 October are working days
    expect(workingCalendar.isWorkingDay('2019-09-29')).toBe(true);
    expect(workingCalendar.isWorkingDay('2019-10-12')).toBe(true);
    expect(workingCalendar.isWorkingDay('2019-10-03')).toBe(false);
    // Fri 27 Sep → Fri 11 Oct: Sun 29, Mon 30, then 8–11 October
    expect(workingCalendar.between('2019-09-27', '2019-10-11')).toBe(6);
    expect(workingCalendar.addWorkingDays('2019-09-30', 1)).toBe('2019-10-08');
  });

  it('takes a year the package lacks from the local table', () => {
    expect(workingCalendar.isWorkingDay('2003-02-08')).toBe(true); // make-up Saturday after Spring Festival
    expect(workingCalendar.isWorkingDay('2003-02-05')).toBe(false);
  });

  it('the statutory rules (2024 amendment) agree with every official year since they apply', () => {
    for (const year of seedYears().filter((y) => y.year >= 2025)) {
      const off = new Set(year.holidays);
      const missing = statutoryHolidays(year.year).filter((h) => !off.has(h.day));
      expect({ year: year.year, missing }).toEqual({ year: year.year, missing: [] });
    }
    // and the 2013 edition with 2014–2024
    for (const year of seedYears().filter((y) => y.year >= 2014 && y.year <= 2024)) {
      const off = new Set(year.holidays);
      expect(statutoryHolidays(year.year).filter((h) => !off.has(h.day))).toEqual([]);
    }
  });

  it('counts a year without a schedule as PROVISIONAL: weekends and statutory holidays, no make-up days', () => {
    // 2027: Spring Festival eve is 5 February (Friday), the festival 6–8 February; Qingming 5 April
    expect(statutoryHolidays(2027).map((h) => h.day)).toEqual([
      '2027-01-01',
      '2027-02-05',
      '2027-02-06',
      '2027-02-07',
      '2027-02-08',
      '2027-04-05',
      '2027-05-01',
      '2027-05-02',
      '2027-06-09',
      '2027-09-15',
      '2027-10-01',
      '2027-10-02',
      '2027-10-03',
    ]);
    expect(workingCalendar.isWorkingDay('2027-02-05')).toBe(false);
    expect(workingCalendar.isWorkingDay('2027-02-09')).toBe(true);
    // Mon 4 Jan → Wed 20 Jan 2027: 12 working days
    expect(workingCalendar.between('2027-01-04', '2027-01-20')).toBe(12);
    expect(workingCalendar.touchesProvisional('2026-12-30', '2027-01-05')).toBe(true);
    expect(workingCalendar.touchesProvisional('2026-01-02', '2026-12-31')).toBe(false);
    // across the year end: Thu 24 Dec 2026 + 5 working days → Fri 25, Mon 28 … Thu 31, then Mon 4 Jan
    expect(workingCalendar.addWorkingDays('2026-12-24', 5)).toBe('2026-12-31');
    expect(workingCalendar.addWorkingDays('2026-12-24', 6)).toBe('2027-01-04');
  });

  it('any year after the last official one is provisional, never an error; far years are indexed on demand', () => {
    const calendar = new WorkingCalendar();
    expect(calendar.status(2090)).toBe('PROVISIONAL');
    expect(calendar.isWorkingDay('2090-10-02')).toBe(false); // National Day
    expect(calendar.between('2090-01-02', '2090-01-09')).toBeGreaterThan(0);
  });

  it('refuses a date outside the calendar (before 2000), naming the field and rule', () => {
    expect(() => workingCalendar.between('1999-12-30', '2000-01-05', 'input.at')).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ field: 'input.at', rule: 'calendar' }),
      }),
    );
  });

  it('does not count a suspension, even one spanning a holiday', () => {
    // accepted Mon 23 Sep 2019, completed Fri 18 Oct; expert review 27 Sep – 10 Oct
    const gross = workingCalendar.between('2019-09-23', '2019-10-18');
    expect(gross).toBe(16);
    const net = netWorkingDays('2019-09-23', '2019-10-18', [{ from: '2019-09-27', to: '2019-10-10' }]);
    // the suspension holds Sun 29, Mon 30 Sep and 8, 9, 10 Oct: 5 working days
    expect(net).toBe(11);
  });
});
