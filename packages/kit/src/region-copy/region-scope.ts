import { registerEnumType } from 'type-graphql';
import { RegionMapping, regionCodePrefix } from '@county/domain';
import type { SubgraphContext } from '../context';

registerEnumType(RegionMapping, {
  name: 'RegionMapping',
  description: '区划口径 — which regions a statistic for a past period is counted in, after regions merged',
  valuesConfig: {
    TODAY: {
      description:
        '按现行区划 — today’s regions: a region counts what the regions merged into it recorded before the merge',
    },
    AS_RECORDED: { description: '按当时区划 — the regions as the records were made: the region’s own only' },
  },
});

/** A succession (merge) edge, as the copy holds it. */
export interface SuccessionEdge {
  predecessorCode: string;
  successorCode: string;
}

/*
 * The successions of each subgraph's copy, in memory: a county's merges are a few hundred edges at most,
 * and a statistic must not pay a statement to learn that its region (like nearly all) has none. Keyed by
 * the ORM's configuration, which every EntityManager fork of one database shares; replaced whole by each
 * sync (and read from the table at start, so a restart with people down still maps).
 */
const lineages = new WeakMap<object, Map<string, string[]>>();

export function rememberSuccessions(config: object, edges: SuccessionEdge[]): void {
  const successorsOf = new Map<string, string[]>();
  for (const edge of edges)
    successorsOf.set(edge.predecessorCode, [
      ...(successorsOf.get(edge.predecessorCode) ?? []),
      edge.successorCode,
    ]);
  const predecessorsOf = new Map<string, string[]>();
  for (const edge of edges) {
    // a region split into several cannot have its records divided between them: it counts in none of them
    // (its own code, and the region above, still count it once)
    if ((successorsOf.get(edge.predecessorCode) ?? []).length > 1) continue;
    predecessorsOf.set(edge.successorCode, [
      ...(predecessorsOf.get(edge.successorCode) ?? []),
      edge.predecessorCode,
    ]);
  }
  lineages.set(config, predecessorsOf);
}

/**
 * The region codes a statistic of `code` sums its rows over: today's mapping (the default of every
 * statistic with a period) adds, transitively, the regions merged into it; as recorded, the region alone.
 * From memory: no statement, whatever the number of regions asked.
 */
export function regionScope(
  ctx: SubgraphContext,
  code: string,
  mapping: RegionMapping = RegionMapping.TODAY,
): string[] {
  const predecessorsOf = lineages.get(ctx.em.config);
  if (mapping === RegionMapping.AS_RECORDED || !predecessorsOf?.size) return [code];
  const codes = new Set([code]);
  for (const next of codes) for (const predecessor of predecessorsOf.get(next) ?? []) codes.add(predecessor);
  return [...codes].sort();
}

/** A WHERE condition on a region code column, with its one parameter, for the codes of a region scope. */
export interface RegionScopeCondition {
  sql: string;
  parameter: string;
}

/**
 * `column` equal to one of `codes`: plain equality for a single code (the index range every region without
 * merges keeps), membership for a region with merged predecessors. Statements are text: each variant is
 * its own prepared statement.
 */
export function regionScopeCondition(column: string, codes: string[]): RegionScopeCondition {
  return codes.length === 1
    ? { sql: `${column} = ?`, parameter: codes[0] }
    : { sql: `${column} in (select json_array_elements_text(?::json))`, parameter: JSON.stringify(codes) };
}

/** `column` inside the subtree of one of `codes` (by code prefix), the same way. */
export function regionSubtreeCondition(column: string, codes: string[]): RegionScopeCondition {
  const prefixes = codes.map((code) => `${regionCodePrefix(code) ?? code}%`);
  return prefixes.length === 1
    ? { sql: `${column} like ?`, parameter: prefixes[0] }
    : {
        sql: `${column} like any (select json_array_elements_text(?::json))`,
        parameter: JSON.stringify(prefixes),
      };
}
