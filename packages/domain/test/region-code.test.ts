import {
  RegionLevel,
  isRegionCode,
  levelOfRegionCode,
  parentRegionCode,
  regionCodePrefix,
  regionCodeRange,
} from '@county/domain';

describe('region codes', () => {
  it.each([
    ['990000', RegionLevel.PROVINCE, null, '99'],
    ['990700', RegionLevel.CITY, '990000', '9907'],
    ['320700', RegionLevel.CITY, '320000', '3207'],
    ['990722', RegionLevel.COUNTY, '990700', '990722'],
    ['990722001', RegionLevel.TOWNSHIP, '990722', '990722001'],
    ['990722001201', RegionLevel.VILLAGE, '990722001', '990722001201'],
    ['320722', RegionLevel.COUNTY, '320700', '320722'],
    ['441900003', RegionLevel.TOWNSHIP, '441900', '441900003'],
  ])('%s is a %s with parent %s and subtree prefix %s', (code, level, parent, prefix) => {
    expect(levelOfRegionCode(code)).toBe(level);
    expect(isRegionCode(code)).toBe(true);
    expect(parentRegionCode(code)).toBe(parent);
    expect(regionCodePrefix(code)).toBe(prefix);
  });

  it('walks from a village up to its province', () => {
    const chain: string[] = [];
    for (let code: string | null = '990722105213'; code !== null; code = parentRegionCode(code))
      chain.push(code);
    expect(chain).toEqual(['990722105213', '990722105', '990722', '990700', '990000']);
  });

  it('gives prefixes that select exactly the subtree', () => {
    const codes = [
      '990700',
      '990722',
      '990723',
      '990722001',
      '990722001201',
      '990722100',
      '990800',
      '980700',
    ];
    const under = (code: string) => codes.filter((c) => c.startsWith(regionCodePrefix(code)!));
    expect(under('990000')).toEqual(codes.filter((c) => c !== '980700'));
    expect(under('990700')).toEqual(['990700', '990722', '990723', '990722001', '990722001201', '990722100']);
    expect(under('990722')).toEqual(['990722', '990722001', '990722001201', '990722100']);
    expect(under('990722001')).toEqual(['990722001', '990722001201']);
    expect(under('990722001201')).toEqual(['990722001201']);
    // the same subtrees as a range, compared as the database compares text
    const within = (code: string) => {
      const { lo, hi } = regionCodeRange(regionCodePrefix(code)!);
      return codes.filter((c) => c.localeCompare(lo) >= 0 && c.localeCompare(hi) <= 0);
    };
    for (const code of ['990000', '990700', '990722', '990722001', '990722001201'])
      expect(within(code)).toEqual(under(code));
  });

  it.each([
    ['', 'empty'],
    ['99072', 'too short'],
    ['9907220', 'seven digits'],
    ['9907220011', 'ten digits'],
    ['9907220012011', 'thirteen digits'],
    ['99072A', 'a letter'],
    ['990 22', 'a space'],
    ['-99072', 'a sign'],
    ['000000', 'an all-zero code'],
    ['000700', 'a city under an all-zero province'],
    ['990000001', 'a township under a province'],
    ['990000001201', 'a village under a province'],
    ['990722000', 'an all-zero township sequence'],
    ['990722001000', 'an all-zero village sequence'],
    ['990722000201', 'a village under an all-zero township'],
  ])('rejects %j (%s)', (code) => {
    expect(levelOfRegionCode(code)).toBeNull();
    expect(isRegionCode(code)).toBe(false);
    expect(parentRegionCode(code)).toBeNull();
    expect(regionCodePrefix(code)).toBeNull();
  });

  it('rejects values that are not strings', () => {
    expect(levelOfRegionCode(990722 as unknown as string)).toBeNull();
  });
});
