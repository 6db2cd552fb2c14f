import { JIANGYIN_SHAPED_COUNTY_CODE, generateDemoCity, type DemoRegion } from '@county/demo-data';
import { PersonRole, RegionLevel, levelOfRegionCode, parentRegionCode } from '@county/domain';

const childrenOf = (regions: DemoRegion[], code: string) => regions.filter((r) => r.parentCode === code);

describe('demo regions', () => {
  const city = generateDemoCity({ counties: 20 });
  const defaultCounty = generateDemoCity();

  it('has one city, 990700, at the top', () => {
    expect(city.regions[0]).toEqual({
      code: '990700',
      name: '云澜市',
      level: RegionLevel.CITY,
      parentCode: null,
    });
    expect(city.regions.filter((r) => r.parentCode === null)).toHaveLength(1);
  });

  it('gives the default county exactly 21 townships and 346 villages and communities', () => {
    const { regions } = defaultCounty;
    expect(regions.filter((r) => r.level === RegionLevel.COUNTY).map((r) => r.code)).toEqual(['990722']);
    const townships = childrenOf(regions, '990722');
    expect(townships).toHaveLength(21);
    expect(townships.every((t) => t.level === RegionLevel.TOWNSHIP)).toBe(true);
    const villageCounts = townships.map((t) => childrenOf(regions, t.code).length);
    expect(villageCounts.reduce((a, b) => a + b, 0)).toBe(346);
    expect(regions.filter((r) => r.level === RegionLevel.VILLAGE)).toHaveLength(346);
    for (const count of villageCounts) {
      expect(count).toBeGreaterThanOrEqual(10);
      expect(count).toBeLessThanOrEqual(25);
    }
    expect(new Set(villageCounts).size).toBeGreaterThan(5);
  });

  it('makes the county seat a 街道 with a few communities, and the rest 镇 and 乡 with villages', () => {
    const [seat, ...rest] = childrenOf(defaultCounty.regions, '990722');
    expect(seat.code).toBe('990722001');
    expect(seat.name).toMatch(/街道$/);
    const communities = childrenOf(defaultCounty.regions, seat.code).filter((r) => r.name.endsWith('社区'));
    expect(communities.length).toBeGreaterThanOrEqual(5);
    expect(communities.length).toBeLessThanOrEqual(8);
    for (const township of rest) {
      expect(township.name).toMatch(/[镇乡]$/);
      expect(childrenOf(defaultCounty.regions, township.code).every((v) => v.name.endsWith('村'))).toBe(true);
    }
  });

  it('gives the second county 江阴市’s shape: 17 townships, 271 villages and communities, 1558 grid workers', () => {
    const townships = childrenOf(city.regions, JIANGYIN_SHAPED_COUNTY_CODE);
    expect(townships).toHaveLength(17);
    const villages = townships.flatMap((t) => childrenOf(city.regions, t.code));
    expect(villages).toHaveLength(271);
    const committees = new Set(
      city.organizations
        .filter((o) => o.regionCode.length === 12 && o.regionCode.startsWith(JIANGYIN_SHAPED_COUNTY_CODE))
        .map((o) => o.id),
    );
    const gridWorkers = city.people.filter(
      (p) => committees.has(p.organizationId) && p.roles.includes(PersonRole.GRID_WORKER),
    );
    expect(gridWorkers).toHaveLength(1558);
    // as evenly as they go: 5 or 6 in each village
    const perVillage = new Map<string, number>();
    for (const p of gridWorkers)
      perVillage.set(p.organizationId, (perVillage.get(p.organizationId) ?? 0) + 1);
    expect(perVillage.size).toBe(271);
    expect(new Set(perVillage.values())).toEqual(new Set([5, 6]));
  });

  it('makes the other extra counties smaller: 8–14 townships, 120–220 villages', () => {
    const counties = city.regions.filter(
      (r) => r.level === RegionLevel.COUNTY && !['990722', JIANGYIN_SHAPED_COUNTY_CODE].includes(r.code),
    );
    expect(counties).toHaveLength(18);
    for (const county of counties) {
      const townships = childrenOf(city.regions, county.code);
      expect(townships.length).toBeGreaterThanOrEqual(8);
      expect(townships.length).toBeLessThanOrEqual(14);
      const villages = townships.flatMap((t) => childrenOf(city.regions, t.code));
      expect(villages.length).toBeGreaterThanOrEqual(120);
      expect(villages.length).toBeLessThanOrEqual(220);
    }
  });

  it('uses only valid codes under province 99, at the level they denote, with the parent they imply', () => {
    const seen = new Set<string>();
    for (const region of city.regions) {
      expect(region.code.startsWith('99')).toBe(true);
      expect(levelOfRegionCode(region.code)).toBe(region.level);
      // without the province (opt-in), the city is the top: its code names a parent the demo does not hold
      expect(region.parentCode).toBe(region.level === 'CITY' ? null : parentRegionCode(region.code));
      if (region.parentCode !== null) expect(seen.has(region.parentCode)).toBe(true);
      seen.add(region.code);
    }
  });

  it('uses each code once, and each name once within its parent', () => {
    expect(new Set(city.regions.map((r) => r.code)).size).toBe(city.regions.length);
    const names = new Set(city.regions.map((r) => `${r.parentCode}/${r.name}`));
    expect(names.size).toBe(city.regions.length);
  });

  it('names places in Chinese with the right suffix for their level', () => {
    for (const region of city.regions) {
      const pattern = {
        [RegionLevel.PROVINCE]: /^\p{Script=Han}+省$/u,
        [RegionLevel.CITY]: /^\p{Script=Han}+市$/u,
        [RegionLevel.COUNTY]: /^\p{Script=Han}+县$/u,
        [RegionLevel.TOWNSHIP]: /^\p{Script=Han}+(镇|乡|街道)$/u,
        [RegionLevel.VILLAGE]: /^\p{Script=Han}+(村|社区)$/u,
      }[region.level];
      expect(region.name).toMatch(pattern);
    }
  });
});
