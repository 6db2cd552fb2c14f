import { RegionLevel } from '@county/domain';
import { communityName, townshipName, villageName } from './names';
import { Random } from './random';
import type { DemoRegion } from './types';

/** 街道 (urban subdistrict, the county seat), 镇 (town) or 乡 (rural township). */
export type TownshipKind = 'subdistrict' | 'town' | 'township';

export const TOWNSHIP_SUFFIX: Record<TownshipKind, string> = {
  subdistrict: '街道',
  town: '镇',
  township: '乡',
};

export interface VillagePlan {
  region: DemoRegion;
  /** An urban residents' community (社区) rather than a village (村). */
  community: boolean;
  /** Its committee's grid workers when the county plans them; null: the roster draws 1–3. */
  gridWorkers: number | null;
}

export interface TownshipPlan {
  region: DemoRegion;
  /** The name without its suffix, e.g. 桃源 for 桃源镇. */
  shortName: string;
  kind: TownshipKind;
  villages: VillagePlan[];
}

export interface CountyPlan {
  region: DemoRegion;
  townships: TownshipPlan[];
}

/** How big a county is; the default county's profile is fixed, the others' are drawn at random. */
export interface CountyProfile {
  towns: number;
  rural: number;
  villages: number;
  /** Grid workers over all the villages and communities, when a published figure fixes them. */
  gridWorkers?: number;
}

const MIN_VILLAGES = 10;
const MAX_VILLAGES = 25;

/** The default county has the shape of 东海县: 21 townships (1 街道, 14 镇, 6 乡) and 346 villages. */
export const DEFAULT_COUNTY_PROFILE: CountyProfile = { towns: 14, rural: 6, villages: 346 };

/**
 * The second county has the shape of 江阴市 in report 004: 17 townships (1 街道, 16 镇) and 271 villages and
 * communities with 1558 grid workers, so its three levels of grids are 17 / 271 / 1558.
 */
export const JIANGYIN_COUNTY_PROFILE: CountyProfile = {
  towns: 16,
  rural: 0,
  villages: 271,
  gridWorkers: 1558,
};

/** A smaller county: 8–14 townships and 120–220 villages. */
export function randomCountyProfile(random: Random): CountyProfile {
  const townships = random.int(8, 14);
  const villages = random.int(
    Math.max(120, townships * MIN_VILLAGES),
    Math.min(220, townships * MAX_VILLAGES),
  );
  const towns = Math.round((townships - 1) * (0.55 + random.next() * 0.25));
  return { towns, rural: townships - 1 - towns, villages };
}

/** Splits `total` villages over `townships`, each getting 10–25, unevenly. */
function villageCounts(random: Random, townships: number, total: number): number[] {
  const counts = new Array<number>(townships).fill(MIN_VILLAGES);
  const weights = counts.map(() => 0.15 + random.next() ** 2);
  for (let left = total - townships * MIN_VILLAGES; left > 0; left--) {
    let sum = 0;
    for (let i = 0; i < townships; i++) if (counts[i] < MAX_VILLAGES) sum += weights[i];
    let target = random.next() * sum;
    let chosen = -1;
    for (let i = 0; i < townships; i++) {
      if (counts[i] >= MAX_VILLAGES) continue;
      chosen = i;
      target -= weights[i];
      if (target < 0) break;
    }
    counts[chosen]++;
  }
  return counts;
}

const pad3 = (n: number) => String(n).padStart(3, '0');

/**
 * Plans a county's townships and villages. Statistical codes: 街道 001–099, 镇 100–199, 乡 200–399; below
 * them communities (社区, 居委会) 001–199 and villages (村, 村委会) 200–399. Only the county seat 街道 has
 * communities. Township names are unique in the county, and so are village and community names.
 */
export function planCounty(
  random: Random,
  code: string,
  name: string,
  cityCode: string,
  profile: CountyProfile,
): CountyPlan {
  const county: DemoRegion = { code, name, level: RegionLevel.COUNTY, parentCode: cityCode };
  const kinds: TownshipKind[] = [
    'subdistrict',
    ...new Array<TownshipKind>(profile.towns).fill('town'),
    ...new Array<TownshipKind>(profile.rural).fill('township'),
  ];
  const counts = villageCounts(random, kinds.length, profile.villages);
  const townshipNames = new Set<string>();
  const villageNames = new Set<string>();
  const nextCode: Record<TownshipKind, number> = { subdistrict: 1, town: 100, township: 200 };

  const townships = kinds.map((kind, t): TownshipPlan => {
    const shortName = townshipName(random, townshipNames);
    const townshipCode = code + pad3(nextCode[kind]++);
    const communities = kind === 'subdistrict' ? Math.min(counts[t], random.int(5, 8)) : 0;
    const villages: VillagePlan[] = [];
    for (let v = 0; v < counts[t]; v++) {
      const community = v < communities;
      villages.push({
        community,
        gridWorkers: null,
        region: {
          code: townshipCode + pad3(community ? v + 1 : 200 + v - communities),
          name: community ? communityName(random, villageNames) : villageName(random, villageNames),
          level: RegionLevel.VILLAGE,
          parentCode: townshipCode,
        },
      });
    }
    return {
      shortName,
      kind,
      villages,
      region: {
        code: townshipCode,
        name: shortName + TOWNSHIP_SUFFIX[kind],
        level: RegionLevel.TOWNSHIP,
        parentCode: code,
      },
    };
  });
  if (profile.gridWorkers !== undefined) spreadGridWorkers(random, townships, profile.gridWorkers);
  return { region: county, townships };
}

/** `total` grid workers over the villages, as evenly as they go; the villages with one more drawn at random. */
function spreadGridWorkers(random: Random, townships: TownshipPlan[], total: number): void {
  const villages = townships.flatMap((t) => t.villages);
  const each = Math.floor(total / villages.length);
  const order = villages.map(() => random.next());
  const ranked = villages.map((_, i) => i).sort((a, b) => order[a] - order[b]);
  ranked.forEach((index, rank) => {
    villages[index].gridWorkers = each + (rank < total - each * villages.length ? 1 : 0);
  });
}

/** The county's regions, each township followed by its villages. */
export function countyRegions(plan: CountyPlan): DemoRegion[] {
  const out = [plan.region];
  for (const township of plan.townships) {
    out.push(township.region);
    for (const village of township.villages) out.push(village.region);
  }
  return out;
}
