import { badInput } from '@county/kit';

/**
 * 行政许可法 第四十二条: 二十日内不能作出决定的，经本行政机关负责人批准，可以延长十日 — a case may be
 * extended by at most 10 working days in all, unless a law or regulation gives the item its own cap
 * (`ServiceItem.maxExtensionDays`).
 */
export const STATUTORY_MAX_EXTENSION_DAYS = 10;

/** Clock skew allowed between a centre's PC and the server before a time counts as in the future. */
export const CLOCK_SKEW_MS = 5 * 60 * 1000;

/** Refuses a time later than now (plus the allowed skew): a case is not received, nor an event recorded, ahead. */
export function requireNotFuture(at: Date, field: string): void {
  const now = new Date();
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS)
    throw badInput(field, 'not-future', `is in the future (now is ${now.toISOString()})`);
}
