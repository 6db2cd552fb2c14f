import { chinaDay } from '@county/domain';

/*
 * Dates of the reform ledger are calendar dates (YYYY-MM-DD) in China Standard Time: "today" for a county
 * office is today in China (`chinaDay`), whatever the server's clock zone.
 */

const todayOfRequest = new WeakMap<object, string>();

/**
 * Today in China for one request (its context object): formatted once, so every task, order and list of
 * the request measures on the same date, and a page of 100 tasks does not format the date 100 times.
 */
export function requestToday(ctx: object): string {
  let today = todayOfRequest.get(ctx);
  if (today === undefined) todayOfRequest.set(ctx, (today = chinaDay()));
  return today;
}

/** The ISO date of year/month/day, normalising overflow (month 13 → January next year, day 0 → last day of the previous month). */
export const isoDate = (year: number, month: number, day: number): string =>
  new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
