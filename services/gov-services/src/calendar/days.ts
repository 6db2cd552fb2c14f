/** A calendar date as YYYY-MM-DD (China has one time zone and no daylight saving: UTC+8). */
export type Day = string;

const DAY_MS = 86_400_000;

/** The date in China of an instant. */
export { chinaDay } from '@county/domain';

/** Days since 1970-01-01. */
export const dayNumber = (day: Day): number => Date.parse(`${day}T00:00:00Z`) / DAY_MS;
export const dayOf = (n: number): Day => new Date(n * DAY_MS).toISOString().slice(0, 10);
export const addDays = (day: Day, n: number): Day => dayOf(dayNumber(day) + n);
/** 0 Sunday … 6 Saturday. */
export const weekday = (day: Day): number => new Date(dayNumber(day) * DAY_MS).getUTCDay();
export const isWeekend = (day: Day): boolean => weekday(day) === 0 || weekday(day) === 6;
export const yearOf = (day: Day): number => Number(day.slice(0, 4));
