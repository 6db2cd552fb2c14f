import { RegionLevel } from '@county/domain';
import { demoCreditCode } from './credit-codes';
import { DEMO_CITY_NAME, DEMO_COUNTY_NAME, countyName } from './names';
import { planOrganizations } from './organizations';
import { staffOrganization, type StaffingContext } from './people';
import { Random } from './random';
import {
  DEFAULT_COUNTY_PROFILE,
  JIANGYIN_COUNTY_PROFILE,
  countyRegions,
  planCounty,
  randomCountyProfile,
} from './regions';
import type { DemoCity, DemoOptions, DemoOrganization, DemoPerson, DemoRegion } from './types';

/**
 * Province prefix 99 is used by no real province, so demo codes (and the ID numbers built on them) can never
 * pass for real ones.
 */
export const DEMO_CITY_CODE = '990700';
export const DEMO_COUNTY_CODE = '990722';
/** The second county, shaped as 江阴市 (report 004): its grids are the published 17 / 271 / 1558. */
export const JIANGYIN_SHAPED_COUNTY_CODE = '990723';
export const DEFAULT_DEMO_SEED = 'county-governance-graph';
/** The year the source reports describe: the demo's figures, and the benchmark's city-scale cases, are that year's. */
export const DEMO_REPORT_YEAR = 2019;
/** Counties are 990722 … 990799. */
export const MAX_DEMO_COUNTIES = 78;

/**
 * Generates the fictional city 云澜市 with `counties` counties; the first is always the default county
 * 990722 (东海县's shape), the second 990723 (江阴市's), the others smaller and drawn at random. The same options always give the same data, and each county is generated from its own random
 * streams, so adding counties changes nothing in the ones before.
 */
export function generateDemoCity(options: DemoOptions = {}): DemoCity {
  const counties = options.counties ?? 1;
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  if (!Number.isInteger(counties) || counties < 1 || counties > MAX_DEMO_COUNTIES) {
    throw new RangeError(`counties must be an integer from 1 to ${MAX_DEMO_COUNTIES}, got ${counties}`);
  }

  const regions: DemoRegion[] = [
    { code: DEMO_CITY_CODE, name: DEMO_CITY_NAME, level: RegionLevel.CITY, parentCode: null },
  ];
  const organizations: DemoOrganization[] = [];
  const people: DemoPerson[] = [];
  const cityRandom = new Random(`${seed}|city`);
  const countyNames = new Set([DEMO_COUNTY_NAME]);
  const phones = new Set<string>();
  const idNumbers = new Set<string>();
  const creditCodes = new Set<string>();

  for (let i = 0; i < counties; i++) {
    const code = String(Number(DEMO_COUNTY_CODE) + i);
    const name = i === 0 ? DEMO_COUNTY_NAME : countyName(cityRandom, countyNames);
    const random = new Random(`${seed}|county|${code}`);
    const profile =
      i === 0 ? DEFAULT_COUNTY_PROFILE : i === 1 ? JIANGYIN_COUNTY_PROFILE : randomCountyProfile(random);
    const plan = planCounty(random, code, name, DEMO_CITY_CODE, profile);
    regions.push(...countyRegions(plan));

    const ctx: StaffingContext = { seed, countyCode: code, idNumbers, phones };
    for (const { key, organization, roster, creditKind } of planOrganizations(plan)) {
      if (creditKind !== null) organization.creditCode = demoCreditCode(creditKind, code, key, creditCodes);
      if (roster !== null) {
        const staff = staffOrganization(key, organization.id, roster, ctx);
        if (staff.length > 0) organization.leaderId = staff[0].id;
        people.push(...staff);
      }
      organizations.push(organization);
    }
  }
  return { regions, organizations, people, cityCode: DEMO_CITY_CODE, defaultCountyCode: DEMO_COUNTY_CODE };
}
