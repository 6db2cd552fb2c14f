/*
 * Which rollup rows a period reads: its whole months from the month rollup, and only the days before the
 * first whole month and after the last from the day rollup. A year reads 12 months × kinds rows, not
 * 365 days × kinds. Days are YYYY-MM-DD strings, compared as strings.
 */

/** Month rows from `monthsFrom` up to `monthsUntil`; day rows from `from` up to `headUntil` and from
 * `tailFrom` to `to` (the `…Until` bounds excluded). */
export interface RollupReads {
  monthsFrom: string;
  monthsUntil: string;
  from: string;
  headUntil: string;
  tailFrom: string;
  to: string;
}

const asDate = (day: string) => new Date(`${day}T00:00:00Z`);
const asDay = (date: Date) => date.toISOString().slice(0, 10);
const firstOfMonth = (date: Date, months = 0) =>
  asDay(new Date(Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + months, 1)));
const dayAfter = (day: string) => asDay(new Date(asDate(day).getTime() + 86_400_000));

/** The rollup rows covering the days `from`–`to` (inclusive, `from` ≤ `to`). */
export function rollupReads(from: string, to: string): RollupReads {
  const afterTo = dayAfter(to);
  // the first whole month starts on `from` or the 1st after it; the last ends on `to` or the month before
  const monthsFrom = from.endsWith('-01') ? from : firstOfMonth(asDate(from), 1);
  const monthsUntil = afterTo.endsWith('-01') ? afterTo : firstOfMonth(asDate(to));
  if (monthsFrom >= monthsUntil)
    return { monthsFrom, monthsUntil: monthsFrom, from, headUntil: afterTo, tailFrom: afterTo, to };
  return { monthsFrom, monthsUntil, from, headUntil: monthsFrom, tailFrom: monthsUntil, to };
}
