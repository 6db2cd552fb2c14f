import dayjs from 'dayjs';

/*
 * How a rollup kept both by day and by month reads a period of days: its whole months from the month
 * table, and only the days before the first whole month and after the last from the day table. A year reads
 * 12 rows per key, not 365. Each part is a plain index range on (region code, period) with its bounds as
 * parameters, so one prepared statement keeps one plan for every period.
 */

/**
 * Month rows from `monthsFrom` up to `monthsUntil`; day rows from `from` up to `headUntil` and from
 * `tailFrom` to `to` (the `…Until` bounds excluded, `to` included). Days are YYYY-MM-DD.
 */
export interface RollupPeriod {
  monthsFrom: string;
  monthsUntil: string;
  from: string;
  headUntil: string;
  tailFrom: string;
  to: string;
}

const DAY = 'YYYY-MM-DD';

/** The rollup rows covering the days `from`–`to` (inclusive, `from` ≤ `to`). */
export function rollupPeriod(from: string, to: string): RollupPeriod {
  const afterTo = dayjs(to).add(1, 'day').format(DAY);
  // the first whole month starts on `from` or the 1st after it; the last ends on `to` or the month before
  const monthsFrom = from.endsWith('-01') ? from : dayjs(from).startOf('month').add(1, 'month').format(DAY);
  const monthsUntil = afterTo.endsWith('-01') ? afterTo : dayjs(to).startOf('month').format(DAY);
  if (monthsFrom >= monthsUntil)
    return { monthsFrom, monthsUntil: monthsFrom, from, headUntil: afterTo, tailFrom: afterTo, to };
  return { monthsFrom, monthsUntil, from, headUntil: monthsFrom, tailFrom: monthsUntil, to };
}

/** The same days `years` earlier (29 February falls back to the 28th). */
export function yearsBefore(day: string, years: number): string {
  return dayjs(day).subtract(years, 'year').format(DAY);
}

/** The calendar day `days` days before `day` (YYYY-MM-DD): the last day of what ends when `day` begins. */
export function daysBefore(day: string, days: number): string {
  return dayjs(day).subtract(days, 'day').format(DAY);
}
