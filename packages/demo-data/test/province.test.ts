import {
  DEMO_CITY_CODE,
  DEMO_PROVINCE_CODE,
  MAX_DEMO_PROVINCE_CITIES,
  demoProvinceCityCodes,
  generateDemoCity,
} from '@county/demo-data';
import { RegionLevel, levelOfRegionCode, parentRegionCode } from '@county/domain';

describe('generateDemoCity with a province', () => {
  const city = generateDemoCity({ counties: 2 });
  const province = generateDemoCity({ counties: 2, provinceCities: 4, provinceCityCounties: 3 });
  const byCode = new Map(province.regions.map((r) => [r.code, r]));

  it('is opt-in: without provinceCities there is no province and the city stands at the top', () => {
    expect(city.provinceCode).toBeNull();
    expect(city.regions.some((r) => r.level === RegionLevel.PROVINCE)).toBe(false);
    expect(city.regions[0]).toMatchObject({ code: DEMO_CITY_CODE, parentCode: null });
    expect(JSON.stringify(generateDemoCity({ counties: 2, provinceCities: 0 }))).toBe(JSON.stringify(city));
  });

  it('puts the demo city and the further cities 990100, 990200, 990300 under the province 990000', () => {
    expect(province.provinceCode).toBe(DEMO_PROVINCE_CODE);
    expect(province.regions[0]).toEqual({
      code: '990000',
      name: '瀚岚省',
      level: RegionLevel.PROVINCE,
      parentCode: null,
    });
    const cities = province.regions.filter((r) => r.level === RegionLevel.CITY);
    expect(cities.map((r) => [r.code, r.parentCode])).toEqual([
      ['990700', '990000'],
      ['990100', '990000'],
      ['990200', '990000'],
      ['990300', '990000'],
    ]);
    expect(new Set(cities.map((r) => r.name)).size).toBe(4);
    const counties = province.regions.filter((r) => r.level === RegionLevel.COUNTY);
    expect(counties.map((r) => r.code)).toEqual([
      ...['990722', '990723'],
      ...['990122', '990123', '990124'],
      ...['990222', '990223', '990224'],
      ...['990322', '990323', '990324'],
    ]);
    expect(new Set(counties.map((r) => r.name)).size).toBe(counties.length);
  });

  it("keeps every region's parent the one its code names, parents listed first", () => {
    const seen = new Set<string>();
    for (const region of province.regions) {
      expect(levelOfRegionCode(region.code)).toBe(region.level);
      expect(region.parentCode).toBe(parentRegionCode(region.code));
      if (region.parentCode !== null) expect(seen.has(region.parentCode)).toBe(true);
      seen.add(region.code);
    }
    for (const organization of province.organizations) expect(byCode.has(organization.regionCode)).toBe(true);
  });

  it("changes nothing in the demo city's counties, only the city's parent", () => {
    const inCity = (data: typeof city) =>
      JSON.stringify({
        regions: data.regions.filter((r) => r.code.startsWith('9907') && r.level !== RegionLevel.CITY),
        organizations: data.organizations.filter((o) => o.regionCode.startsWith('9907')),
        people: data.people.slice(0, city.people.length),
      });
    expect(inCity(province)).toBe(inCity(city));
    expect(province.people.length).toBeGreaterThan(city.people.length);
  });

  it('keeps phones, ID numbers and credit codes unique across the province', () => {
    const unique = (values: (string | null)[]) => new Set(values).size === values.length;
    expect(unique(province.people.map((p) => p.phone))).toBe(true);
    expect(unique(province.people.map((p) => p.idNumber))).toBe(true);
    expect(unique(province.organizations.map((o) => o.creditCode).filter((c) => c !== null))).toBe(true);
    expect(unique(province.organizations.map((o) => o.id))).toBe(true);
  });

  it('is deterministic', () => {
    expect(
      JSON.stringify(generateDemoCity({ counties: 2, provinceCities: 4, provinceCityCounties: 3 })),
    ).toBe(JSON.stringify(province));
  });

  it('numbers up to 30 cities, skipping the demo city', () => {
    const codes = demoProvinceCityCodes(MAX_DEMO_PROVINCE_CITIES);
    expect(codes.slice(0, 8)).toEqual([
      '990700',
      '990100',
      '990200',
      '990300',
      '990400',
      '990500',
      '990600',
      '990800',
    ]);
    expect(new Set(codes).size).toBe(30);
    expect(codes.at(-1)).toBe('993000');
  });

  it.each([
    ['provinceCities', { provinceCities: -1 }],
    ['provinceCities', { provinceCities: MAX_DEMO_PROVINCE_CITIES + 1 }],
    ['provinceCities', { provinceCities: 1.5 }],
    ['provinceCityCounties', { provinceCities: 2, provinceCityCounties: 0 }],
    ['provinceCityCounties', { provinceCities: 2, provinceCityCounties: 79 }],
  ])('rejects a bad %s (%j)', (name, options) => {
    expect(() => generateDemoCity(options)).toThrow(new RegExp(`^${name} must be an integer`));
  });
});
