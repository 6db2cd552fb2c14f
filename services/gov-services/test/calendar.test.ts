import { netWorkingDays, WorkingCalendar, workingCalendar } from '@county/gov-services';

describe('the working-day calendar', () => {
  it('knows the years of chinese-days (2004–2026) and the local table (2003), and nothing else', () => {
    expect(workingCalendar.years[0]).toBe(2003);
    expect(workingCalendar.years.at(-1)).toBe(2026);
    expect(workingCalendar.knows('2003-06-02')).toBe(true);
    expect(workingCalendar.knows('2027-01-04')).toBe(false);
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

  it('refuses a date in a year neither source knows, naming the field and rule', () => {
    expect(() => workingCalendar.between('2026-12-30', '2027-01-05', 'input.at')).toThrow(
      expect.objectContaining({
        extensions: expect.objectContaining({ field: 'input.at', rule: 'calendar' }),
      }),
    );
    // a gap inside the known years is refused too: the index stops before it
    const gappy = new WorkingCalendar({ 2001: { holidays: [], workdays: [], source: 'test' } });
    expect(gappy.knows('2001-05-08')).toBe(false);
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
