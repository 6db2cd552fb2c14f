import { WorkingCalendar, workingCalendar } from '@county/gov-services';
import { chinaDay } from '@county/domain';
import { DeadlineUnit } from './petition-vocabulary';

/**
 * The working-day calendar is the approval bureau's (行政审批局) data, kept in gov-services; this subgraph
 * counts with the same calendar code and the official years it ships with. A year not among them is
 * PROVISIONAL (weekends and statutory holidays, no make-up days): counted, never refused, and marked.
 */
export interface Deadline {
  day: string;
  provisional: boolean;
}

const DAY_MS = 86_400_000;
const plusDays = (day: string, n: number) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS).toISOString().slice(0, 10);

/**
 * The last day of a limit of `days` starting the day after `start` (an instant, taken as its China day).
 * Calendar days ending on a day off run to the next working day, as 民法典 第二百零三条 counts a period.
 */
export function deadlineAfter(
  start: Date,
  days: number,
  unit: DeadlineUnit,
  field: string,
  calendar: WorkingCalendar = workingCalendar,
): Deadline {
  const from = chinaDay(start);
  calendar.require(from, field);
  let day: string;
  if (unit === DeadlineUnit.WORKING_DAYS) day = calendar.addWorkingDays(from, days, field);
  else {
    day = plusDays(from, days);
    while (!calendar.isWorkingDay(day, field)) day = plusDays(day, 1);
  }
  return { day, provisional: calendar.touchesProvisional(from, day) };
}
