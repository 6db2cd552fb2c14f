import { RegionLevel } from '@county/domain';
import { demoCreditCode } from './credit-codes';
import { DEMO_CITY_NAME, DEMO_COUNTY_NAME, DEMO_PROVINCE_NAME, cityName, countyName } from './names';
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

/** The province of the optional province mode (`provinceCities`): prefix 99, as the city's. */
export const DEMO_PROVINCE_CODE = '990000';
/** The province's cities besides 990700 take the city sequences 01, 02, … (07 is the demo city's): at most 30. */
export const MAX_DEMO_PROVINCE_CITIES = 30;
/** Counties of each further city of the province, unless `provinceCityCounties` says otherwise. */
export const DEFAULT_PROVINCE_CITY_COUNTIES = 3;

const DEMO_CITY_SEQUENCE = Number(DEMO_CITY_CODE.slice(2, 4));

/** The codes of a province's cities: 990700 first, then 990100, 990200, … skipping 07. */
export function demoProvinceCityCodes(cities: number): string[] {
  const codes = [DEMO_CITY_CODE];
  for (let sequence = 1; codes.length < cities; sequence++)
    if (sequence !== DEMO_CITY_SEQUENCE) codes.push(`99${String(sequence).padStart(2, '0')}00`);
  return codes;
}

function checkRange(name: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${name} must be an integer from ${min} to ${max}, got ${value}`);
  }
}

/** What every county of the run shares: the streams and the sets that keep names, phones and codes unique. */
interface Generation {
  seed: string;
  regions: DemoRegion[];
  organizations: DemoOrganization[];
  people: DemoPerson[];
  countyNames: Set<string>;
  phones: Set<string>;
  idNumbers: Set<string>;
  creditCodes: Set<string>;
}

/** One county, from its own random streams: its regions, organisations and their staff. */
function addCounty(
  run: Generation,
  code: string,
  name: string,
  cityCode: string,
  profileOf: (random: Random) => ReturnType<typeof randomCountyProfile>,
): void {
  const random = new Random(`${run.seed}|county|${code}`);
  const plan = planCounty(random, code, name, cityCode, profileOf(random));
  run.regions.push(...countyRegions(plan));

  const ctx: StaffingContext = {
    seed: run.seed,
    countyCode: code,
    idNumbers: run.idNumbers,
    phones: run.phones,
  };
  for (const { key, organization, roster, creditKind } of planOrganizations(plan)) {
    if (creditKind !== null) organization.creditCode = demoCreditCode(creditKind, code, key, run.creditCodes);
    if (roster !== null) {
      const staff = staffOrganization(key, organization.id, roster, ctx);
      if (staff.length > 0) organization.leaderId = staff[0].id;
      run.people.push(...staff);
    }
    run.organizations.push(organization);
  }
}

/**
 * Generates the fictional city 云澜市 with `counties` counties; the first is always the default county
 * 990722 (东海县's shape), the second 990723 (江阴市's), the others smaller and drawn at random. The same options always give the same data, and each county is generated from its own random
 * streams, so adding counties changes nothing in the ones before.
 *
 * With `provinceCities` (opt-in), the city is one of the cities of the province 瀚岚省 990000: the further
 * cities 990100, 990200, … each have `provinceCityCounties` counties (990122, 990123, …) of the smaller,
 * random shape. They are generated after the demo city, which is the same as without a province but for
 * its parent.
 */
export function generateDemoCity(options: DemoOptions = {}): DemoCity {
  const counties = options.counties ?? 1;
  const seed = options.seed ?? DEFAULT_DEMO_SEED;
  const provinceCities = options.provinceCities ?? 0;
  const cityCounties = options.provinceCityCounties ?? DEFAULT_PROVINCE_CITY_COUNTIES;
  checkRange('counties', counties, 1, MAX_DEMO_COUNTIES);
  checkRange('provinceCities', provinceCities, 0, MAX_DEMO_PROVINCE_CITIES);
  checkRange('provinceCityCounties', cityCounties, 1, MAX_DEMO_COUNTIES);
  const provinceCode = provinceCities > 0 ? DEMO_PROVINCE_CODE : null;

  const run: Generation = {
    seed,
    regions: [],
    organizations: [],
    people: [],
    countyNames: new Set([DEMO_COUNTY_NAME]),
    phones: new Set<string>(),
    idNumbers: new Set<string>(),
    creditCodes: new Set<string>(),
  };
  if (provinceCode !== null)
    run.regions.push({
      code: provinceCode,
      name: DEMO_PROVINCE_NAME,
      level: RegionLevel.PROVINCE,
      parentCode: null,
    });
  run.regions.push({
    code: DEMO_CITY_CODE,
    name: DEMO_CITY_NAME,
    level: RegionLevel.CITY,
    parentCode: provinceCode,
  });

  const cityRandom = new Random(`${seed}|city`);
  for (let i = 0; i < counties; i++) {
    const code = String(Number(DEMO_COUNTY_CODE) + i);
    const name = i === 0 ? DEMO_COUNTY_NAME : countyName(cityRandom, run.countyNames);
    addCounty(run, code, name, DEMO_CITY_CODE, (random) =>
      i === 0 ? DEFAULT_COUNTY_PROFILE : i === 1 ? JIANGYIN_COUNTY_PROFILE : randomCountyProfile(random),
    );
  }

  const cityNames = new Set([DEMO_CITY_NAME]);
  for (const cityCode of demoProvinceCityCodes(provinceCities).slice(1)) {
    const random = new Random(`${seed}|city|${cityCode}`);
    run.regions.push({
      code: cityCode,
      name: cityName(random, cityNames),
      level: RegionLevel.CITY,
      parentCode: provinceCode,
    });
    for (let i = 0; i < cityCounties; i++) {
      const code = String(Number(cityCode) + 22 + i);
      addCounty(run, code, countyName(random, run.countyNames), cityCode, randomCountyProfile);
    }
  }
  const { regions, organizations, people } = run;
  return {
    regions,
    organizations,
    people,
    provinceCode,
    cityCode: DEMO_CITY_CODE,
    defaultCountyCode: DEMO_COUNTY_CODE,
  };
}
