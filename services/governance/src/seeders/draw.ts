import { createHash } from 'node:crypto';

/**
 * Deterministic draws for the demo data: each value follows from its own key (`990722|dispute|17|kind`), so the
 * same demo city always gives the same disputes, and adding one kind of record shifts none of the others.
 */
export function unit(key: string): number {
  return createHash('sha256').update(key).digest().readUIntBE(0, 6) / 2 ** 48;
}

export const between = (key: string, min: number, max: number): number =>
  min + Math.floor(unit(key) * (max - min + 1));

export const pickOne = <T>(key: string, items: readonly T[]): T =>
  items[Math.floor(unit(key) * items.length)];

/** Picks from `[item, weight]` pairs in proportion to the weights. */
export function pickWeighted<T>(key: string, entries: readonly (readonly [T, number])[]): T {
  const total = entries.reduce((sum, [, weight]) => sum + weight, 0);
  let target = unit(key) * total;
  for (const [item, weight] of entries) {
    target -= weight;
    if (target < 0) return item;
  }
  return entries[entries.length - 1][0];
}

/** `counts` spread over `size` slots in a key-determined order: exact totals, no visible pattern. */
export function shuffledOutcomes<T>(key: string, counts: readonly (readonly [T, number])[]): T[] {
  const outcomes = counts.flatMap(([item, count]) => new Array<T>(count).fill(item));
  const order = outcomes.map((_, i) => unit(`${key}|${i}`));
  return outcomes
    .map((_, i) => i)
    .sort((a, b) => order[a] - order[b])
    .map((i) => outcomes[i]);
}
