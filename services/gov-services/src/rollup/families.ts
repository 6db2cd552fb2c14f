import { parentRegionCode } from '@county/domain';

/** The region a centre lies in and every region above it: the rows one case event moves. */
export function regionAndAncestors(code: string): string[] {
  const codes = [code];
  for (let parent = parentRegionCode(code); parent; parent = parentRegionCode(parent)) codes.push(parent);
  return codes;
}

export const DAY_COUNTERS = [
  'received',
  'completed',
  'on_time',
  'one_visit',
  'rated',
  'satisfied',
  'bad',
  'rectified_on_time',
  'target_cases',
  'target_met',
] as const;
export type DayCounter = (typeof DAY_COUNTERS)[number];

export const RANK_COUNTERS = ['received', 'completed', 'on_time'] as const;

export type Period = 'day' | 'month' | 'year';

/** One rollup table and its period (also the name of its period column). */
export interface Tier {
  table: string;
  period: Period;
}

/**
 * A family of rollup tables holding the same counters by the same keys, at successively coarser periods
 * (finest first). Every tier is booked with each event; a rebuild derives the coarser tiers from the finest.
 */
export interface RollupFamily {
  tiers: readonly Tier[];
  /** Key columns besides region_code and the period. */
  keys: readonly string[];
  counters: readonly string[];
  /** Which event rows count (a recount's filter, in the event-row columns). */
  counts: string;
  /** Kept at one region level only (the length of its codes), not at every level above the centre. */
  regionLength?: number;
}

export const FAMILIES = {
  counters: {
    tiers: [
      { table: 'rollup_day', period: 'day' },
      { table: 'rollup_month', period: 'month' },
    ],
    keys: ['channel', 'level'],
    counters: DAY_COUNTERS,
    counts: DAY_COUNTERS.map((c) => `${c} <> 0`).join(' or '),
  },
  durations: {
    tiers: [
      { table: 'rollup_duration', period: 'day' },
      { table: 'rollup_duration_month', period: 'month' },
    ],
    keys: ['working_days'],
    counters: ['cases'],
    counts: 'working_days is not null',
  },
  items: {
    tiers: [
      { table: 'rollup_item_month', period: 'month' },
      { table: 'rollup_item_year', period: 'year' },
    ],
    keys: ['item_id'],
    counters: RANK_COUNTERS,
    counts: 'received + completed > 0',
  },
  centres: {
    tiers: [
      { table: 'rollup_centre_month', period: 'month' },
      { table: 'rollup_centre_year', period: 'year' },
    ],
    keys: ['centre_id'],
    counters: RANK_COUNTERS,
    counts: 'received + completed > 0',
  },
  /*
   * Cases received per item at each township (or development zone) — the delegated powers' figures: a
   * delegation counts the cases of its power's items in its township from its day (赋权统计). Keyed by item,
   * not power, so that linking an item to another power moves nothing.
   */
  townshipItems: {
    tiers: [
      { table: 'rollup_township_item_day', period: 'day' },
      { table: 'rollup_township_item_month', period: 'month' },
    ],
    keys: ['item_id'],
    counters: ['received'],
    counts: 'received <> 0',
    regionLength: 9,
  },
} as const satisfies Record<string, RollupFamily>;

/** The codes of `regions` (a region and its ancestors) a family keeps rows for. */
export const familyRegions = (family: RollupFamily, regions: readonly string[]): readonly string[] =>
  family.regionLength ? regions.filter((code) => code.length === family.regionLength) : regions;

/** The first day of the period a date lies in (a `date` expression). */
export const periodStart = (period: Period, date: string): string =>
  period === 'day' ? date : `date_trunc('${period}', (${date})::timestamp)::date`;
