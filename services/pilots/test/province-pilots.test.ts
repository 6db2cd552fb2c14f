import { generateDemoCity } from '@county/demo-data';
import { buildDemoPilots } from '../src/seeders/build';
import { buildFurtherCountyPilots } from '../src/seeders/further-counties';

/*
 * The pilots of the province mode's further counties (provinceCities): a county's own share each, apart from
 * the demo city's published city figures.
 */
const PROVINCE = { counties: 2, provinceCities: 3, provinceCityCounties: 2 };
const city = generateDemoCity(PROVINCE);
const further = city.regions.filter((r) => r.level === 'COUNTY' && r.parentCode !== city.cityCode);
const organizationRegion = new Map(city.organizations.map((o) => [o.id, o.regionCode]));

describe('the pilots of the counties of further cities', () => {
  const counties = buildFurtherCountyPilots(city);
  const rows = Object.fromEntries(
    (['leads', 'pilots', 'ledger'] as const).map((table) => [table, counties.flatMap((c) => c[table])]),
  ) as Record<'leads' | 'pilots' | 'ledger', Record<string, unknown>[]>;

  it('gives each further county 18 pilots at provincial level or above, 7 new in 2019 (seed 002), the same every time', () => {
    expect(buildFurtherCountyPilots(generateDemoCity(PROVINCE))).toEqual(counties);
    expect(counties.map((c) => (c.pilots[0].region_codes as string[])[0])).toEqual(
      further.map((r) => r.code),
    );
    for (const { code } of further) {
      const own = rows.pilots.filter((p) => (p.region_codes as string[])[0] === code);
      const count = (level: string, year?: string) =>
        own.filter((p) => p.level === level && (!year || String(p.approved_on).startsWith(year))).length;
      expect([count('NATIONAL'), count('PROVINCIAL')]).toEqual([6, 12]);
      expect([count('NATIONAL', '2019'), count('PROVINCIAL', '2019')]).toEqual([1, 6]);
      for (const pilot of own) {
        expect(organizationRegion.get(String(pilot.lead_organization_id))).toBe(code);
        expect(pilot.leader_id).toEqual(expect.any(String));
      }
      expect(rows.leads.filter((l) => l.region_code === code).length).toBeGreaterThan(0);
    }
    expect(rows.ledger.length).toBeGreaterThan(0);
  });

  it('shares no row with the demo city’s pilots, and names no place of the demo city', () => {
    const cityRows = buildDemoPilots(generateDemoCity({ counties: PROVINCE.counties }));
    for (const table of ['leads', 'pilots', 'ledger'] as const) {
      const ids = new Set(cityRows[table].map((r) => r.id));
      expect(rows[table].filter((r) => ids.has(r.id))).toEqual([]);
      expect(new Set(rows[table].map((r) => r.id)).size).toBe(rows[table].length);
    }
    const names = new Set([...cityRows.pilots, ...rows.pilots].map((p) => p.name));
    expect(names.size).toBe(cityRows.pilots.length + rows.pilots.length);
    for (const pilot of rows.pilots)
      for (const region of pilot.region_codes as string[]) expect(region.startsWith('9907')).toBe(false);
  });
});
