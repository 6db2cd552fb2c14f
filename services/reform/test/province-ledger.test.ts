import { DEMO_COUNTY_CODE, generateDemoCity } from '@county/demo-data';
import { planDemoLedger } from '../src/seeders/plan';

/*
 * The reform ledgers of the province mode (provinceCities): the default county's as without a province, and
 * one of its own for each county of the further cities, drawn from that county's stream.
 */
const PROVINCE = { counties: 1, provinceCities: 3, provinceCityCounties: 2 };
const city = generateDemoCity(PROVINCE);
const further = city.regions.filter((r) => r.level === 'COUNTY' && r.parentCode !== city.cityCode);
const organizationRegion = new Map(city.organizations.map((o) => [o.id, o.regionCode]));

describe('the reform ledger of a county of a further city', () => {
  it('leaves the default county’s ledger as it is without a province', () => {
    expect(planDemoLedger(city)).toEqual(planDemoLedger(generateDemoCity({ counties: 1 })));
  });

  it('gives each further county tasks, schedules, reports, orders and assessments of its own, the same every time', () => {
    expect(further.map((r) => r.code)).toEqual(['990122', '990123', '990222', '990223']);
    const codes = new Set(planDemoLedger(city).reform_task.map((t) => t.code));
    for (const { code: county } of further) {
      const ledger = planDemoLedger(city, county);
      expect(planDemoLedger(generateDemoCity(PROVINCE), county)).toEqual(ledger);
      for (const table of ['reform_task', 'milestone', 'progress_report', 'supervision_order', 'assessment'])
        expect({ county, table, rows: ledger[table as keyof typeof ledger].length > 0 }).toEqual({
          county,
          table,
          rows: true,
        });
      // the default county's lists (one a year, numbered per account) stay its own
      expect([ledger.special_group, ledger.work_point, ledger.problem]).toEqual([[], [], []]);
      for (const task of ledger.reform_task) {
        expect(String(task.code).startsWith(`${county}-`)).toBe(true);
        expect(codes.has(String(task.code))).toBe(false);
        codes.add(String(task.code));
        expect(String(task.region_code).startsWith(county)).toBe(true);
        expect(organizationRegion.get(String(task.lead_organization_id))?.startsWith(county)).toBe(true);
        expect(task.work_point_id).toBeNull();
      }
    }
  });

  it('scales a further county’s yearly tasks by its villages, as its other demo data', () => {
    const villagesOf = (county: string) =>
      city.regions.filter((r) => r.level === 'VILLAGE' && r.code.startsWith(county)).length;
    const tasks2019 = (county: string) =>
      planDemoLedger(city, county).reform_task.filter((t) => t.year === 2019).length;
    const own = tasks2019(DEMO_COUNTY_CODE);
    for (const { code } of further) {
      const share = tasks2019(code) / own;
      expect(share).toBeGreaterThan(0);
      expect(share).toBeLessThan(Math.max(villagesOf(code) / 346, 6 / 52) * 1.5);
    }
  });
});
