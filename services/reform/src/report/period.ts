import { isoDate } from '../dates';
import { ReportPeriodKind } from '../vocabulary';

export interface ReportPeriod {
  kind: ReportPeriodKind;
  start: string;
  end: string;
  /** Monthly reports are due on the 5th of the next month, quarterly ones on the 10th after the quarter. */
  due: string;
}

export const PERIOD_PATTERN = /^(\d{4})-(?:(0[1-9]|1[0-2])|Q([1-4]))$/;

/** `2019-03` (a month) or `2019-Q1` (a quarter); null when `period` is neither. */
export function parsePeriod(period: string): ReportPeriod | null {
  const match = PERIOD_PATTERN.exec(period);
  if (!match) return null;
  const year = Number(match[1]);
  if (match[2]) {
    const month = Number(match[2]);
    return {
      kind: ReportPeriodKind.MONTHLY,
      start: isoDate(year, month, 1),
      end: isoDate(year, month + 1, 0),
      due: isoDate(year, month + 1, 5),
    };
  }
  const firstMonth = (Number(match[3]) - 1) * 3 + 1;
  return {
    kind: ReportPeriodKind.QUARTERLY,
    start: isoDate(year, firstMonth, 1),
    end: isoDate(year, firstMonth + 3, 0),
    due: isoDate(year, firstMonth + 3, 10),
  };
}
