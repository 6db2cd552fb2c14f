/*
 * The unified social credit code (统一社会信用代码, GB 32100-2015), 18 characters:
 *
 *   1      registration authority (登记管理部门): 1 机构编制, 5 民政, 9 工商, Y 其他, …
 *   2      kind of organisation (机构类别), e.g. 1 机关, 2 事业单位, 9 其他 under authority 1
 *   3–8    administrative division code of the registering authority (GB/T 2260)
 *   9–17   organisation code (主体标识码, GB 11714)
 *   18     check character
 *
 * There is no well-kept npm library for the GB 32100 check character, so it is implemented here.
 */

/** The 31 characters a credit code may use (digits and capitals without I, O, Z, S, V), in value order. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

/**
 * Registration authority codes: 1 机构编制, 2 外交, 3 司法行政, 4 文化, 5 民政, 6 旅游, 7 宗教, 8 工会, 9 工商,
 * A 中央军委改革和编制办公室, N 农业, Y 其他 (GB 32100-2015 and the authorities added since).
 */
export const REGISTRATION_AUTHORITY_CODES = '123456789ANY';

const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const FORMAT = /^[0-9A-HJ-NP-RTUWXY]{18}$/;
const DIVISION_CODE = /^\d{6}$/;

/** The check character (18th) for the first 17 characters of a credit code. */
export function creditCodeCheckChar(first17: string): string {
  if (first17.length !== 17) throw new RangeError(`expected 17 characters, got ${first17.length}`);
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const value = CREDIT_CODE_ALPHABET.indexOf(first17[i]);
    if (value < 0) throw new RangeError(`'${first17[i]}' is not a credit code character`);
    sum += value * WEIGHTS[i];
  }
  return CREDIT_CODE_ALPHABET[(31 - (sum % 31)) % 31];
}

export type CreditCodeValidation = { ok: true } | { ok: false; rule: 'format' | 'check-character' };

/**
 * Validates a unified social credit code. `format`: not 18 characters of the (upper-case) alphabet, an unknown
 * registration authority, or a division code (characters 3–8) that is not 6 digits; `check-character`: the
 * 18th character does not match.
 */
export function validateCreditCode(code: string): CreditCodeValidation {
  if (
    typeof code !== 'string' ||
    !FORMAT.test(code) ||
    !REGISTRATION_AUTHORITY_CODES.includes(code[0]) ||
    !DIVISION_CODE.test(code.slice(2, 8))
  ) {
    return { ok: false, rule: 'format' };
  }
  if (creditCodeCheckChar(code.slice(0, 17)) !== code[17]) return { ok: false, rule: 'check-character' };
  return { ok: true };
}
