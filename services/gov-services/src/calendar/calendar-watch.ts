import { Gauge, type Registry } from 'prom-client';
import type { Logger } from '@county/kit';
import { chinaDay, dayNumber, yearOf } from './days';
import type { WorkingCalendar } from './working-days';

/** The first month of the year in which a provisional next year is worth a warning. */
const WARN_FROM_MONTH = 11;

/**
 * Tells before the calendar runs out: /readyz says how far the official calendar reaches (and stays
 * ready), a gauge gives the days left, and from 1 November the log warns once a day while next year is
 * still provisional (every day, louder, once this year is).
 */
export class CalendarWatch {
  private warnedOn: string | null = null;

  constructor(
    private readonly calendar: WorkingCalendar,
    private readonly logger: Logger,
    private readonly recomputing: () => readonly number[],
  ) {}

  /** Days from today to the last official day (negative: days since the official calendar ran out). */
  daysLeft(now = new Date()): number {
    const today = chinaDay(now);
    const through = this.calendar.officialThrough(today) ?? this.lastOfficialDayBefore(today);
    return through ? dayNumber(through) - dayNumber(today) : -Infinity;
  }

  report(now = new Date()) {
    const today = chinaDay(now);
    const year = yearOf(today);
    return {
      officialThrough: this.calendar.officialThrough(today) ?? null,
      officialDaysLeft: this.daysLeft(now),
      thisYear: this.calendar.status(year),
      nextYear: this.calendar.status(year + 1),
      recomputing: this.recomputing(),
    };
  }

  register(registry: Registry): void {
    // eslint-disable-next-line @typescript-eslint/no-this-alias
    const watch = this;
    new Gauge({
      name: 'working_calendar_official_days_left',
      help: 'Days from today to the last day of the entered (official) holiday schedule; negative once it has run out',
      registers: [registry],
      collect() {
        this.set(watch.daysLeft());
      },
    });
  }

  /** Logs the warning if one is due today and has not been given yet. */
  check(now = new Date()): void {
    const today = chinaDay(now);
    if (this.warnedOn === today) return;
    const year = yearOf(today);
    const facts = {
      ...this.report(now),
      action:
        'enter the State Council holiday notice: mutation enterWorkingCalendar or POST /files/gov-services/calendar.xlsx',
    };
    if (this.calendar.status(year) === 'PROVISIONAL') {
      this.logger.error(
        facts,
        `working-day calendar: ${year} is PROVISIONAL (no official holiday schedule entered); figures over it are marked provisional`,
      );
    } else if (
      Number(today.slice(5, 7)) >= WARN_FROM_MONTH &&
      this.calendar.status(year + 1) === 'PROVISIONAL'
    ) {
      this.logger.warn(
        facts,
        `working-day calendar: ${year + 1} has no official holiday schedule yet; it will be counted as PROVISIONAL from 1 January`,
      );
    } else return;
    this.warnedOn = today;
  }

  private lastOfficialDayBefore(today: string): string | undefined {
    const before = this.calendar
      .officialYears()
      .filter((y) => y < yearOf(today))
      .at(-1);
    return before === undefined ? undefined : `${before}-12-31`;
  }
}
