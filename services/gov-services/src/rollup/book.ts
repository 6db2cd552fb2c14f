import type { EntityManager } from '@mikro-orm/postgresql';
import type { CaseChannel, ServiceLevel } from '../vocabulary';
import { pgArray } from '../pg-array';
import {
  DAY_COUNTERS,
  FAMILIES,
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
