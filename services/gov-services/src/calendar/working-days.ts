import { badInput } from '@county/kit';
import { addDays, chinaDay, dayNumber, dayOf, isWeekend, yearOf, type Day } from './days';
import { seedYears, type OfficialYear } from './seed-years';
import { FIRST_STATUTORY_YEAR, statutoryHolidays } from './statutory-holidays';

export { chinaDay, type Day } from './days';

/** The last year the calendar will count (a typo such as 20270 is refused, not indexed). */
export const LAST_CALENDAR_YEAR = 2199;

export type YearStatus = 'OFFICIAL' | 'PROVISIONAL';

interface YearTable {
  holidays: Set<Day>;
  workdays: Set<Day>;
}

/**
 * 工作日历 — the China working-day calendar: weekends off, holidays off, make-up working days (调休) on.
 * A year with an entered schedule (the State Council's notice, or a package that carries it) is OFFICIAL;
 * any other year is PROVISIONAL: weekends and the statutory holidays of the edition in force, no make-up
 * days. A provisional year is counted, never refused; the figures over it say so.
 *
 * Counting runs on a cumulative index (working days from its first day through each day), so the working
 * days between two dates are two array reads; the index grows on demand towards later years.
 */
export class WorkingCalendar {
  private official = new Map<number, YearTable>();
  private first = dayNumber(`${FIRST_STATUTORY_YEAR}-01-01`);
  private lastYear = FIRST_STATUTORY_YEAR - 1;
  private cumulative = new Int32Array(0);

  constructor(years: readonly OfficialYear[] = seedYears()) {
    this.load(years);
  }

  /** Replaces the official years (after the bureau enters one, or another replica did). */
  load(years: readonly OfficialYear[]): void {
    this.official = new Map(
      years.map((y) => [y.year, { holidays: new Set(y.holidays), workdays: new Set(y.workdays) }]),
    );
    this.lastYear = FIRST_STATUTORY_YEAR - 1;
    this.cumulative = new Int32Array(0);
    this.extendTo(Math.max(this.lastOfficialYear() ?? 0, yearOf(chinaDay(new Date()))) + 1);
  }

  status(year: number): YearStatus {
    return this.official.has(year) ? 'OFFICIAL' : 'PROVISIONAL';
  }

  officialYears(): number[] {
    return [...this.official.keys()].sort((a, b) => a - b);
  }

  lastOfficialYear(): number | undefined {
    return this.officialYears().at(-1);
  }

  /** The last day of the run of official years that contains `day` (undefined when its year is provisional). */
  officialThrough(day: Day): Day | undefined {
    let year = yearOf(day);
    if (!this.official.has(year)) return undefined;
    while (this.official.has(year + 1)) year++;
    return `${year}-12-31`;
  }

  isProvisional(day: Day): boolean {
    return !this.official.has(yearOf(day));
  }

  /** Whether any day from `from` to `to` lies in a provisional year. */
  touchesProvisional(from: Day, to: Day): boolean {
    for (let year = yearOf(from); year <= yearOf(to); year++) if (!this.official.has(year)) return true;
    return false;
  }

  knows(day: Day): boolean {
    const year = yearOf(day);
    return year >= FIRST_STATUTORY_YEAR && year <= LAST_CALENDAR_YEAR;
  }

  /** Refuses a date the calendar cannot count (before its first statutory year, or absurdly late). */
  require(day: Day, field: string): void {
    if (!this.knows(day))
      throw badInput(
        field,
        'calendar',
        `${day} is outside the working-day calendar (${FIRST_STATUTORY_YEAR}–${LAST_CALENDAR_YEAR})`,
      );
  }

  isWorkingDay(day: Day, field = 'date'): boolean {
    const i = this.index(day, field);
    return this.cumulative[i] - (i > 0 ? this.cumulative[i - 1] : 0) === 1;
  }

  /** Working days after `from` up to and including `to` (0 when `to` is not after `from`). */
  between(from: Day, to: Day, field = 'date'): number {
    const a = this.index(from, field);
    const b = this.index(to, field);
    return b > a ? this.cumulative[b] - this.cumulative[a] : 0;
  }

  /** The date `n` working days after `from` (n ≥ 1), e.g. a deadline. */
  addWorkingDays(from: Day, n: number, field = 'date'): Day {
    let i = this.index(from, field);
    const target = this.cumulative[i] + n;
    // a deadline may run into years the index does not cover yet: a year has at least 200 working days
    while (this.cumulative[this.cumulative.length - 1] < target) {
      if (this.lastYear >= LAST_CALENDAR_YEAR)
        throw badInput(field, 'calendar', `${n} working days after ${from} run past the calendar`);
      this.extendTo(this.lastYear + 1 + Math.ceil(n / 200));
    }
    // binary search for the first index whose cumulative count reaches the target
    let hi = this.cumulative.length - 1;
    while (i < hi) {
      const mid = (i + hi) >>> 1;
      if (this.cumulative[mid] >= target) hi = mid;
      else i = mid + 1;
    }
    return dayOf(this.first + i);
  }

  private index(day: Day, field: string): number {
    this.require(day, field);
    if (yearOf(day) > this.lastYear) this.extendTo(yearOf(day));
    return dayNumber(day) - this.first;
  }

  /** Grows the index through the end of `year`. */
  private extendTo(year: number): void {
    const last = Math.min(year, LAST_CALENDAR_YEAR);
    if (last <= this.lastYear) return;
    const from = this.lastYear + 1;
    const end = dayNumber(`${last + 1}-01-01`);
    const grown = new Int32Array(end - this.first);
    grown.set(this.cumulative);
    let count = this.cumulative.length ? this.cumulative[this.cumulative.length - 1] : 0;
    for (let y = from; y <= last; y++) {
      const table = this.official.get(y) ?? provisionalTable(y);
      for (let day = `${y}-01-01`; yearOf(day) === y; day = addDays(day, 1)) {
        if (table.workdays.has(day) || (!isWeekend(day) && !table.holidays.has(day))) count++;
        grown[dayNumber(day) - this.first] = count;
      }
    }
    this.cumulative = grown;
    this.lastYear = last;
  }
}

const provisionalTable = (year: number): YearTable => ({
  holidays: new Set(statutoryHolidays(year).map((h) => h.day)),
  workdays: new Set(),
});

/** The calendar every rule and the seeder share; the calendar store loads the entered years into it. */
export const workingCalendar = new WorkingCalendar();

/** A suspension's start and end dates (补正 does not stop the clock: it runs before acceptance). */
export interface Interval {
  from: Day;
  to: Day;
}

/**
 * 办理时长 — working days from acceptance to completion, net of suspensions (听证、专家评审、检验检测 …):
 * the working days inside each (non-overlapping) suspension do not count.
 */
export function netWorkingDays(
  accepted: Day,
  completed: Day,
  suspensions: Interval[],
  field = 'date',
  calendar: WorkingCalendar = workingCalendar,
): number {
  const gross = calendar.between(accepted, completed, field);
  const paused = suspensions.reduce(
    (sum, s) =>
      sum +
      calendar.between(s.from < accepted ? accepted : s.from, s.to > completed ? completed : s.to, field),
    0,
  );
  return gross - paused;
}
