import {
  DEMO_CITY_CODE,
  DEMO_COUNTY_CODE,
  MAX_DEMO_COUNTIES,
  generateDemoCity,
  type DemoCity,
} from '@county/demo-data';

/** The part of a city that belongs to one county, serialised (much faster to compare than with toEqual). */
function countyPart(city: DemoCity, countyCode: string) {
  const regions = city.regions.filter((r) => r.code.startsWith(countyCode));
  const organizations = city.organizations.filter((o) => o.regionCode.startsWith(countyCode));
  const orgIds = new Set(organizations.map((o) => o.id));
  const people = city.people.filter((p) => orgIds.has(p.organizationId));
  return JSON.stringify({ regions, organizations, people });
}

describe('generateDemoCity', () => {
  const one = generateDemoCity();
  const three = generateDemoCity({ counties: 3 });

  it('is deterministic: the same options give byte-identical output', () => {
    expect(JSON.stringify(generateDemoCity())).toBe(JSON.stringify(one));
    expect(JSON.stringify(generateDemoCity({ counties: 3 }))).toBe(JSON.stringify(three));
  });

  it('uses the default seed when none is given', () => {
    expect(JSON.stringify(generateDemoCity({ seed: 'county-governance-graph', counties: 1 }))).toBe(
      JSON.stringify(one),
    );
  });

  it('gives different data for a different seed, but the county bodies keep their ids', () => {
    const other = generateDemoCity({ seed: 'another seed' });
    expect(JSON.stringify(other)).not.toBe(JSON.stringify(one));
    const countyBodies = (city: DemoCity) =>
      city.organizations.filter((o) => o.regionCode === DEMO_COUNTY_CODE).map((o) => [o.id, o.name]);
    expect(countyBodies(other)).toEqual(countyBodies(one));
  });

  it('reports the city and default county codes', () => {
    expect(one.cityCode).toBe(DEMO_CITY_CODE);
    expect(one.defaultCountyCode).toBe(DEMO_COUNTY_CODE);
    expect(DEMO_CITY_CODE).toBe('990700');
    expect(DEMO_COUNTY_CODE).toBe('990722');
  });

  it('leaves the default county unchanged, ids and all, when more counties are generated', () => {
    expect(countyPart(three, DEMO_COUNTY_CODE)).toBe(countyPart(one, DEMO_COUNTY_CODE));
  });

  it('adds counties 990723, 990724, … without changing the earlier ones', () => {
    const five = generateDemoCity({ counties: 5 });
    expect(five.regions.filter((r) => r.level === 'COUNTY').map((r) => r.code)).toEqual([
      '990722',
      '990723',
      '990724',
      '990725',
      '990726',
    ]);
    for (const code of ['990722', '990723', '990724'])
      expect(countyPart(five, code)).toBe(countyPart(three, code));
  });

  it.each([0, -1, 1.5, MAX_DEMO_COUNTIES + 1, Number.NaN])('rejects counties = %p', (counties) => {
    expect(() => generateDemoCity({ counties })).toThrow(RangeError);
  });
});
