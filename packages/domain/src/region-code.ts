import { RegionLevel } from './vocabulary';

/*
 * Region codes: GB/T 2260 administrative division codes for county level and above (6 digits), extended by
 * the National Bureau of Statistics' division codes below it (township: 9 digits, village/community: 12).
 *
 *   99 07 22 | 001 | 201
 *   province, city, county | township (county code + 3) | village (township code + 3)
 *
 * A 6-digit code ending in "00" is a city, one ending in "0000" a province (省/自治区/直辖市). Townships and
 * villages extend a county's or a city's code, never a province's.
 */

const DIGITS = /^\d+$/;

function levelOfSixDigitCode(code: string): RegionLevel | null {
  // "000000" and a "00" province prefix are no division's
  if (code.startsWith('00')) return null;
  if (code.endsWith('0000')) return RegionLevel.PROVINCE;
  return code.endsWith('00') ? RegionLevel.CITY : RegionLevel.COUNTY;
}

/** Whether a 6-digit code can be extended by a township's sequence: a county's, or a city's without districts. */
const holdsTownships = (code: string): boolean => {
  const level = levelOfSixDigitCode(code);
  return level === RegionLevel.CITY || level === RegionLevel.COUNTY;
};

/**
 * The level a region code denotes, or null when it is not a well-formed province, city, county, township or
 * village code: non-digits, a length other than 6, 9 or 12, a township extending a province code, or an
 * all-zero township or village sequence ("000"), which the statistical codes never use.
 *
 * A township normally sits below a county; in a city without districts (e.g. 东莞 441900) the 9-digit code
 * extends the city code, which is accepted too.
 */
export function levelOfRegionCode(code: string): RegionLevel | null {
  if (typeof code !== 'string' || !DIGITS.test(code)) return null;
  switch (code.length) {
    case 6:
      return levelOfSixDigitCode(code);
    case 9:
      return holdsTownships(code.slice(0, 6)) && !code.endsWith('000') ? RegionLevel.TOWNSHIP : null;
    case 12:
      return levelOfRegionCode(code.slice(0, 9)) === RegionLevel.TOWNSHIP && !code.endsWith('000')
        ? RegionLevel.VILLAGE
        : null;
    default:
      return null;
  }
}

/** Whether `code` is a well-formed province, city, county, township or village code. */
export function isRegionCode(code: string): boolean {
  return levelOfRegionCode(code) !== null;
}

/**
 * The code of the region directly above: village → township (first 9 digits), township → county (first 6),
 * county → city (first 4 + "00"), city → province (first 2 + "0000"). Null for a province (the top of the
 * hierarchy) and for malformed codes. A city's province is its code's, whether or not the directory holds it.
 */
export function parentRegionCode(code: string): string | null {
  switch (levelOfRegionCode(code)) {
    case RegionLevel.VILLAGE:
      return code.slice(0, 9);
    case RegionLevel.TOWNSHIP:
      return code.slice(0, 6);
    case RegionLevel.COUNTY:
      return `${code.slice(0, 4)}00`;
    case RegionLevel.CITY:
      return `${code.slice(0, 2)}0000`;
    default:
      return null;
  }
}

const PREFIX_LENGTH: Record<RegionLevel, number> = {
  [RegionLevel.PROVINCE]: 2,
  [RegionLevel.CITY]: 4,
  [RegionLevel.COUNTY]: 6,
  [RegionLevel.TOWNSHIP]: 9,
  [RegionLevel.VILLAGE]: 12,
};

/**
 * The prefix shared by a region's code and the codes of everything below it (province: 2, city: 4, county: 6,
 * township: 9, village: 12), so that `code LIKE prefix || '%'` selects the subtree. Null for malformed codes.
 */
export function regionCodePrefix(code: string): string | null {
  const level = levelOfRegionCode(code);
  return level === null ? null : code.slice(0, PREFIX_LENGTH[level]);
}

/**
 * The codes that start with `prefix`, as a range: `code between lo and hi` (the prefix, and the prefix
 * padded with 9s to a village's 12 digits) selects the subtree on a btree index, where a `like` on a
 * pattern that is not a constant (one per region asked, from a column) cannot use one.
 */
export function regionCodeRange(prefix: string): { lo: string; hi: string } {
  return { lo: prefix, hi: prefix.padEnd(PREFIX_LENGTH[RegionLevel.VILLAGE], '9') };
}
