import type { EntityManager } from '@mikro-orm/postgresql';
import type { CaseChannel, ServiceLevel } from '../vocabulary';
import { pgArray } from '../pg-array';
import {
  DAY_COUNTERS,
  FAMILIES,
  familyRegions,
  periodStart,
  RANK_COUNTERS,
  regionAndAncestors,
  type DayCounter,
  type RollupFamily,
} from './families';

/** What one case event adds to the rollups. */
export interface RollupDelta {
  regionCode: string;
  level: ServiceLevel;
  channel: CaseChannel;
  itemId: string;
  centreId: string;
  /** YYYY-MM-DD in China: the day of the event. */
  day: string;
  counters: Partial<Record<DayCounter, number>>;
  /** Set on completion: the case's net working days. */
  workingDays?: number;
  /** Cases booked at `workingDays` (default 1; −1 takes a recomputed case off its old duration). */
  durationCases?: number;
}

/** The families an event moves, with their key and counter values. */
function movedFamilies(delta: RollupDelta): { family: RollupFamily; keys: unknown[]; counters: number[] }[] {
  const moved = [];
  const counters = DAY_COUNTERS.map((counter) => delta.counters[counter] ?? 0);
  if (counters.some((v) => v !== 0))
    moved.push({ family: FAMILIES.counters, keys: [delta.channel, delta.level], counters });
  if (delta.workingDays !== undefined)
    moved.push({
      family: FAMILIES.durations,
      keys: [delta.workingDays],
      counters: [delta.durationCases ?? 1],
    });
  const rank = RANK_COUNTERS.map((counter) => delta.counters[counter] ?? 0);
  if (rank.some((v) => v !== 0)) {
    moved.push({ family: FAMILIES.items, keys: [delta.itemId], counters: rank });
    moved.push({ family: FAMILIES.centres, keys: [delta.centreId], counters: rank });
  }
  if (delta.counters.received && delta.regionCode.length >= FAMILIES.townshipItems.regionLength)
    moved.push({ family: FAMILIES.townshipItems, keys: [delta.itemId], counters: [delta.counters.received] });
  return moved;
}

/**
 * Books one event into the rollups: every tier of every family it moves, one row per region level, as ONE
 * statement (data-modifying CTEs), so an event costs one round trip whatever the number of tables. Must run
 * inside the transaction that appends the event (the mutation clears the stats cache after its commit).
 */
export async function bookRollups(em: EntityManager, delta: RollupDelta): Promise<void> {
  const parts: string[] = [];
  const params: unknown[] = [pgArray(regionAndAncestors(delta.regionCode))];
  for (const { family, keys, counters } of movedFamilies(delta))
    for (const tier of family.tiers) {
      const columns = ['region_code', tier.period, ...family.keys, ...family.counters];
      const conflict = ['region_code', tier.period, ...family.keys].join(', ');
      const updates = family.counters.map((c) => `${c} = ${tier.table}.${c} + excluded.${c}`).join(', ');
      parts.push(`t${parts.length} as (insert into ${tier.table} (${columns.join(', ')})
        select code, ${periodStart(tier.period, '?::date')}, ${[...keys, ...counters].map(() => '?').join(', ')} from regions
         ${family.regionLength ? `where length(code) = ${family.regionLength}` : ''}
        on conflict (${conflict}) do update set ${updates})`);
      params.push(delta.day, ...keys, ...counters);
    }
  if (!parts.length) return;
  await em
    .getConnection()
    .execute(
      `with regions(code) as (select unnest(?::text[])), ${parts.join(', ')} select 1`,
      params,
      'run',
      em.getTransactionContext(),
    );
}

/** The SQL type of each key column, for the arrays a batch is passed in. */
const KEY_TYPES: Record<string, string> = {
  channel: 'text',
  level: 'text',
  working_days: 'smallint',
  item_id: 'uuid',
  centre_id: 'uuid',
};

/**
 * Books many deltas (a recompute's batch) as ONE statement: each family's rows arrive as arrays, one row per
 * delta and region level, and each tier sums them by its key before the upsert (one row may be touched only
 * once per statement). The event path keeps `bookRollups`, whose single row needs no grouping.
 */
export async function bookRollupDeltas(em: EntityManager, deltas: readonly RollupDelta[]): Promise<void> {
  const rows = new Map<RollupFamily, unknown[][]>();
  for (const delta of deltas)
    for (const { family, keys, counters } of movedFamilies(delta)) {
      let list = rows.get(family);
      if (!list) rows.set(family, (list = []));
      for (const code of familyRegions(family, regionAndAncestors(delta.regionCode)))
        list.push([code, delta.day, ...keys, ...counters]);
    }
  const parts: string[] = [];
  const params: unknown[] = [];
  for (const [family, list] of rows) {
    const source = `d${parts.length}`;
    const names = ['region_code', 'day', ...family.keys, ...family.counters];
    const types = [
      'text',
      'date',
      ...family.keys.map((k) => KEY_TYPES[k]),
      ...family.counters.map(() => 'int'),
    ];
    parts.push(
      `${source} as (select * from unnest(${types.map((t) => `?::${t}[]`).join(', ')}) as x(${names.join(', ')}))`,
    );
    params.push(...names.map((_, i) => pgArray(list.map((row) => row[i]))));
    for (const tier of family.tiers) {
      const columns = ['region_code', tier.period, ...family.keys, ...family.counters];
      const conflict = ['region_code', tier.period, ...family.keys].join(', ');
      const groups = family.keys.map((_, i) => i + 3).join(', ');
      const updates = family.counters.map((c) => `${c} = ${tier.table}.${c} + excluded.${c}`).join(', ');
      parts.push(`t${parts.length} as (insert into ${tier.table} (${columns.join(', ')})
        select region_code, ${periodStart(tier.period, 'day')}, ${family.keys.join(', ')}, ${family.counters.map((c) => `sum(${c})`).join(', ')}
          from ${source} group by 1, 2, ${groups}
        on conflict (${conflict}) do update set ${updates})`);
    }
  }
  if (!parts.length) return;
  await em
    .getConnection()
    .execute(`with ${parts.join(', ')} select 1`, params, 'run', em.getTransactionContext());
}
