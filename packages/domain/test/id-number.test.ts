import {
  Gender,
  idNumberCheckChar,
  isMobilePhone,
  maskIdNumber,
  maskPhone,
  validateIdNumber,
} from '@county/domain';

/** The example in GB 11643-1999 itself. */
const STANDARD_EXAMPLE = '11010519491231002X';

describe('citizen ID numbers (GB 11643)', () => {
  it('computes the check character of the standard example', () => {
    expect(idNumberCheckChar(STANDARD_EXAMPLE.slice(0, 17))).toBe('X');
  });

  it('accepts the standard example and reads birth date and gender', () => {
    expect(validateIdNumber(STANDARD_EXAMPLE)).toEqual({
      ok: true,
      birthDate: '1949-12-31',
      gender: Gender.FEMALE,
    });
  });

  it('accepts a lower-case x', () => {
    expect(validateIdNumber(STANDARD_EXAMPLE.toLowerCase())).toMatchObject({ ok: true });
  });

  it('reads an odd sequence digit as male', () => {
    const first17 = '99072219850228013';
    expect(validateIdNumber(first17 + idNumberCheckChar(first17))).toEqual({
      ok: true,
      birthDate: '1985-02-28',
      gender: Gender.MALE,
    });
  });

  it('accepts 29 February in a leap year', () => {
    const first17 = '99072220000229024';
    expect(validateIdNumber(first17 + idNumberCheckChar(first17))).toMatchObject({
      ok: true,
      birthDate: '2000-02-29',
    });
  });

  it.each([
    ['', 'empty'],
    [STANDARD_EXAMPLE.slice(0, 17), '17 characters'],
    [STANDARD_EXAMPLE + '1', '19 characters'],
    ['110105194912310X21', 'an X before the end'],
    ['11010519491231002Y', 'a Y check character'],
    ['11010519491231002 ', 'a space'],
    ['110105194912312', 'the old 15-digit form'],
  ])('rejects %j (%s) by format', (value) => {
    expect(validateIdNumber(value)).toEqual({ ok: false, rule: 'format' });
  });

  it.each([
    ['19490231', '31 February'],
    ['19000229', '29 February in 1900'],
    ['19491301', 'month 13'],
    ['19490001', 'month 0'],
    ['19491200', 'day 0'],
    ['00001231', 'year 0'],
  ])('rejects birth date %s (%s)', (date) => {
    const first17 = `110105${date}002`;
    expect(validateIdNumber(first17 + idNumberCheckChar(first17))).toEqual({ ok: false, rule: 'birth-date' });
  });

  it('rejects a birth date after today in China and accepts today', () => {
    // 2024-06-01 20:00 UTC is already 2 June in China
    const now = new Date(Date.UTC(2024, 5, 1, 20));
    const born = (date: string) => {
      const first17 = `110105${date}002`;
      return validateIdNumber(first17 + idNumberCheckChar(first17), now);
    };
    expect(born('20240602')).toMatchObject({ ok: true });
    expect(born('20240603')).toEqual({ ok: false, rule: 'birth-date' });
    expect(born('20250101')).toEqual({ ok: false, rule: 'birth-date' });
  });

  it('rejects a wrong check character', () => {
    expect(validateIdNumber('110105194912310021')).toEqual({ ok: false, rule: 'check-digit' });
    expect(validateIdNumber('110105194912310020')).toEqual({ ok: false, rule: 'check-digit' });
  });

  it('refuses to compute a check character for malformed input', () => {
    expect(() => idNumberCheckChar('1101051949123100')).toThrow(RangeError);
    expect(() => idNumberCheckChar('1101051949123100X')).toThrow(RangeError);
  });
});

describe('masking', () => {
  it('keeps the first 6 and last 4 characters of an ID number', () => {
    expect(maskIdNumber('110105194912311234')).toBe('110105********1234');
    expect(maskIdNumber(STANDARD_EXAMPLE)).toBe('110105********002X');
    expect(maskIdNumber('110105491231123')).toBe('110105*****1123');
  });

  it('masks short ID values down to their last 4 characters', () => {
    expect(maskIdNumber('1234567890')).toBe('******7890');
    expect(maskIdNumber('123')).toBe('***');
  });

  it('keeps the first 3 and last 4 digits of a mobile number', () => {
    expect(maskPhone('13812345678')).toBe('138****5678');
  });

  it('keeps only the last 4 characters of other phone numbers', () => {
    expect(maskPhone('0518-87654321')).toBe('*********4321');
    expect(maskPhone('12345678901')).toBe('*******8901');
    expect(maskPhone('1234')).toBe('****');
  });
});

describe('mobile phone numbers', () => {
  it.each(['13800138000', '19912345678', '15012345678'])('accepts %s', (value) => {
    expect(isMobilePhone(value)).toBe(true);
  });

  it.each(['12812345678', '1381234567', '138123456789', '+8613812345678', '138-1234-5678', ''])(
    'rejects %j',
    (value) => {
      expect(isMobilePhone(value)).toBe(false);
    },
  );
});
