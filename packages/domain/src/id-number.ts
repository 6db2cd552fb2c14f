import { chinaDay } from './china-day';
import { Gender } from './vocabulary';

/*
 * The citizen ID number (公民身份号码, GB 11643-1999), 18 characters:
 *
 *   1–6    address code (GB/T 2260 county of household registration)
 *   7–14   birth date YYYYMMDD
 *   15–17  sequence; the 17th digit is odd for men, even for women
 *   18     check character, ISO 7064 MOD 11-2 ('X' stands for 10)
 *
 * There is no well-kept npm library for the GB 11643 check character, so it is implemented here.
 */

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';
const FORMAT = /^\d{17}[\dX]$/;

/** The check character (18th) for the first 17 digits of an ID number. */
export function idNumberCheckChar(first17: string): string {
  if (!/^\d{17}$/.test(first17)) throw new RangeError('expected 17 digits');
  let sum = 0;
  for (let i = 0; i < 17; i++) sum += (first17.charCodeAt(i) - 48) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export type IdNumberValidation =
  | { ok: true; birthDate: string; gender: Gender }
  | { ok: false; rule: 'format' | 'birth-date' | 'check-digit' };

/**
 * Validates an 18-character ID number (a lower-case x is accepted). `format`: not 17 digits plus a digit or X;
 * `birth-date`: characters 7–14 are not a real calendar date or lie after today (China time); `check-digit`:
 * the last character does not match. On success returns the birth date (YYYY-MM-DD) and gender it encodes.
 * `now` is for tests.
 */
export function validateIdNumber(value: string, now: Date = new Date()): IdNumberValidation {
  if (typeof value !== 'string') return { ok: false, rule: 'format' };
  const id = value.toUpperCase();
  if (!FORMAT.test(id)) return { ok: false, rule: 'format' };

  const year = Number(id.slice(6, 10));
  const month = Number(id.slice(10, 12));
  const day = Number(id.slice(12, 14));
  const date = new Date(Date.UTC(year, month - 1, day));
  const real =
    year > 0 &&
    date.getUTCFullYear() === year &&
    date.getUTCMonth() === month - 1 &&
    date.getUTCDate() === day;
  if (!real || id.slice(6, 14) > chinaDay(now).replace(/-/g, '')) return { ok: false, rule: 'birth-date' };

  if (idNumberCheckChar(id.slice(0, 17)) !== id[17]) return { ok: false, rule: 'check-digit' };
  return {
    ok: true,
    birthDate: `${id.slice(6, 10)}-${id.slice(10, 12)}-${id.slice(12, 14)}`,
    gender: Number(id[16]) % 2 === 1 ? Gender.MALE : Gender.FEMALE,
  };
}

/** Whether `value` is a mainland mobile number: 11 digits starting 13–19. */
export function isMobilePhone(value: string): boolean {
  return typeof value === 'string' && /^1[3-9]\d{9}$/.test(value);
}

/** Everything but the last four characters replaced by '*'; values of four characters or fewer entirely. */
function maskAllButLast4(value: string): string {
  if (value.length <= 4) return '*'.repeat(value.length);
  return '*'.repeat(value.length - 4) + value.slice(-4);
}

/**
 * Masks an ID number for display: the first 6 (address code) and last 4 characters kept, the rest starred,
 * e.g. `110105********1234`. Values too short to keep 10 characters fall back to keeping only the last 4.
 */
export function maskIdNumber(value: string): string {
  if (value.length <= 10) return maskAllButLast4(value);
  return value.slice(0, 6) + '*'.repeat(value.length - 10) + value.slice(-4);
}

/**
 * Masks a phone number for display: a mobile keeps its first 3 and last 4 digits (`138****5678`); anything
 * else keeps only its last 4 characters.
 */
export function maskPhone(value: string): string {
  if (isMobilePhone(value)) return `${value.slice(0, 3)}****${value.slice(-4)}`;
  return maskAllButLast4(value);
}
