import chineseDays from 'chinese-days/dist/chinese-days.json';
import { badInput } from '@county/kit';
import { LOCAL_CALENDAR, type LocalCalendarYear } from './local-calendar';

/** A calendar date as YYYY-MM-DD (China has one time zone and no daylight saving: UTC+8). */
export type Day = string;

const DAY_MS = 86_400_000;
const CHINA_OFFSET_MS = 8 * 3_600_000;

/** The date in China of an instant. */
export const chinaDay = (instant: Date): Day =>
  new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);

const dayNumber = (day: Day): number => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
const dayOf = (n: number): Day => new Date(n * DAY_MS).toISOString().slice(0, 10);

interface YearTable {
  holidays: Set<Day>;
  workdays: Set<Day>;
}

function packageYears(): Map<number, YearTable> {
  const years = new Map<number, YearTable>();
  const table = (day: Day) => {
    const year = Number(day.slice(0, 4));
    let entry = years.get(year);
    if (!entry) years.set(year, (entry = { holidays: new Set(), workdays: new Set() }));
    return entry;
  };
  for (const day of Object.keys(chineseDays.holidays)) table(day).holidays.add(day);
  for (const day of Object.keys(chineseDays.workdays)) table(day).workdays.add(day);
  return years;
}

/**
 * 工作日历 — the official China working-day calendar: weekends off, statutory holidays off, make-up working
 * days (调休) on. Built once into a cumulative index, so counting working days between two dates is two
 * array reads (the seeder and the benchmark count millions of cases).
 */
export class WorkingCalendar {
  private readonly first: number;
  /** cumulative[i] = working days from the first known day through day first+i, inclusive. */
  private readonly cumulative: Int32Array;
  readonly years: readonly number[];

  constructor(local: Record<number, LocalCalendarYear> = LOCAL_CALENDAR) {
    const tables = packageYears();
    for (const [year, entry] of Object.entries(local)) {
      if (!tables.has(Number(year)))
        tables.set(Number(year), { holidays: new Set(entry.holidays), workdays: new Set(entry.workdays) });
    }
    const years = [...tables.keys()].sort((a, b) => a - b);
    // a gap would be a silent guess: the index covers the contiguous run of known years up to the latest
    let start = years.length - 1;
    while (start > 0 && years[start - 1] === years[start] - 1) start--;
    this.years = years.slice(start);
    this.first = dayNumber(`${this.years[0]}-01-01`);
    const end = dayNumber(`${this.years.at(-1)! + 1}-01-01`);
    this.cumulative = new Int32Array(end - this.first);
    let count = 0;
    for (let n = this.first; n < end; n++) {
      const day = dayOf(n);
      const table = tables.get(Number(day.slice(0, 4)))!;
      const weekday = new Date(n * DAY_MS).getUTCDay();
      const working = table.workdays.has(day) || (weekday !== 0 && weekday !== 6 && !table.holidays.has(day));
      if (working) count++;
      this.cumulative[n - this.first] = count;
    }
  }

  knows(day: Day): boolean {
    const i = dayNumber(day) - this.first;
    return i >= 0 && i < this.cumulative.length;
  }

  /** Refuses a date the calendar cannot count: badInput naming `field`, rule `calendar`. */
  require(day: Day, field: string): void {
    if (!this.knows(day))
      throw badInput(
        field,
        'calendar',
        `${day.slice(0, 4)} is not in the working-day calendar (known years ${this.years[0]}–${this.years.at(-1)}); add it to the local table`,
      );
  }

  private index(day: Day, field: string): number {
    this.require(day, field);
    return dayNumber(day) - this.first;
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
    // binary search for the first index whose cumulative count reaches the target
    let hi = this.cumulative.length - 1;
    if (this.cumulative[hi] < target)
      throw badInput(field, 'calendar', `${n} working days after ${from} run past the known calendar`);
    while (i < hi) {
      const mid = (i + hi) >>> 1;
      if (this.cumulative[mid] >= target) hi = mid;
      else i = mid + 1;
    }
    return dayOf(this.first + i);
  }
}

/** The calendar every rule and the seeder share. */
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
): number {
  const gross = workingCalendar.between(accepted, completed, field);
  const paused = suspensions.reduce(
    (sum, s) =>
      sum +
      workingCalendar.between(
        s.from < accepted ? accepted : s.from,
        s.to > completed ? completed : s.to,
        field,
      ),
    0,
  );
  return gross - paused;
}
