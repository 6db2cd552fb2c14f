/*
 * "Today" for a county office is today in China (China Standard Time, the Asia/Shanghai zone), whatever the
 * server's clock zone. Calendar dates are kept as YYYY-MM-DD strings, in TypeScript and in SQL alike.
 */

export const CHINA_TIME_ZONE = 'Asia/Shanghai';

const chinaCalendar = new Intl.DateTimeFormat('en-CA', {
  timeZone: CHINA_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The China calendar date (YYYY-MM-DD) of an instant; without one, today in China. */
export function chinaDay(instant: Date = new Date()): string {
  let year = '';
  let month = '';
  let day = '';
  for (const part of chinaCalendar.formatToParts(instant)) {
    if (part.type === 'year') year = part.value.padStart(4, '0');
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return `${year}-${month}-${day}`;
}

/** The China calendar year of an instant; without one, this year in China. */
export const chinaYear = (instant: Date = new Date()): number => Number(chinaDay(instant).slice(0, 4));

/** The YYYY-MM-DD a GraphQL Date value stands for (the Date scalar gives that day at UTC midnight). */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);

/** SQL: the China calendar date of a timestamptz expression (a column, `now()`), as `date`. */
export const chinaDateSql = (instant: string): string =>
  `(${instant} at time zone '${CHINA_TIME_ZONE}')::date`;

/** SQL: today in China, as `date`. */
export const CHINA_TODAY_SQL = chinaDateSql('now()');

/** SQL: the instant (timestamptz) a China calendar day begins, from an expression of type `date`. */
export const chinaDayStartSql = (day: string): string =>
  `(${day})::timestamp at time zone '${CHINA_TIME_ZONE}'`;
