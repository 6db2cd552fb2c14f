import { CREDIT_CODE_ALPHABET, creditCodeCheckChar, validateCreditCode } from '@county/domain';

/** A real, published unified social credit code. */
const REAL = '91350100M000100Y43';

describe('unified social credit codes (GB 32100)', () => {
  it('computes the check character of a real code', () => {
    expect(creditCodeCheckChar(REAL.slice(0, 17))).toBe('3');
  });

  it('accepts a real code', () => {
    expect(validateCreditCode(REAL)).toEqual({ ok: true });
  });

  it('accepts a code built with its computed check character', () => {
    const first17 = '11990722MB0123456';
    expect(validateCreditCode(first17 + creditCodeCheckChar(first17))).toEqual({ ok: true });
  });

  it('rejects every other last character', () => {
    for (const c of CREDIT_CODE_ALPHABET) {
      if (c === REAL[17]) continue;
      expect(validateCreditCode(REAL.slice(0, 17) + c)).toEqual({ ok: false, rule: 'check-character' });
    }
  });

  it('rejects a changed body character by its check character', () => {
    expect(validateCreditCode('91350100M000101Y43')).toEqual({ ok: false, rule: 'check-character' });
  });

  it.each([
    ['', 'empty'],
    [REAL.slice(0, 17), '17 characters'],
    [REAL + '0', '19 characters'],
    [REAL.toLowerCase(), 'lower case'],
    ['91350100M000100I43', 'an I'],
    ['91350100M000100O43', 'an O'],
    ['91350100M000100S43', 'an S'],
    ['91350100M000100V43', 'a V'],
    ['91350100M000100Z43', 'a Z'],
    ['01350100M000100Y43', 'registration authority 0'],
    ['B1350100M000100Y43', 'registration authority B'],
    ['9135A100M000100Y43', 'a letter in the division code'],
    ['91350100M000100Y4 ', 'a space'],
  ])('rejects %j (%s) by format', (code) => {
    expect(validateCreditCode(code)).toEqual({ ok: false, rule: 'format' });
  });

  it('refuses to compute a check character for malformed input', () => {
    expect(() => creditCodeCheckChar('9135')).toThrow(RangeError);
    expect(() => creditCodeCheckChar('91350100M000100I4')).toThrow(RangeError);
  });
});
