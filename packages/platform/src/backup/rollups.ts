import { openDatabase } from '@county/kit';
import { subgraphDefinition } from '../registry';

/**
 * Rows that differ from a recount, per rollup table, as the subgraph's own definition counts them
 * (`rollupDifferences`: gov-services' recount that rebuilds its rollups after a bulk load, governance's
 * database function beside the triggers that keep its rollups); null for a subgraph without rollups.
 */
export async function rollupDifferences(
  url: string,
  subgraph: string,
): Promise<Record<string, number> | null> {
  const definition = subgraphDefinition(subgraph);
  if (!definition.rollupDifferences) return null;
  const orm = await openDatabase(url, definition.entities, []);
  try {
    return await definition.rollupDifferences(orm.em.fork());
  } finally {
    await orm.close(true);
  }
}
