import type { EntityManager } from '@mikro-orm/postgresql';
import { collectEventRows, RECOUNT } from './recount';

/**
 * Rows where each rollup table and a recount of its sources differ (the recount that rebuilds the rollups
 * after a bulk load): what a restore checks (`rollupDifferences` of the definition).
 */
export async function rollupDifferences(em: EntityManager): Promise<Record<string, number>> {
  const differences: Record<string, number> = {};
  await em.fork().transactional(async (tx) => {
    const source = await collectEventRows(tx);
    for (const [table, recount] of Object.entries(RECOUNT)) {
      const [row] = await tx.getConnection().execute<{ n: number }[]>(
        `select count(*)::int n from ((select ${recount.columns} from ${table} except ${recount.select(source)})
           union all (${recount.select(source)} except select ${recount.columns} from ${table})) d`,
        [],
        'all',
        tx.getTransactionContext(),
      );
      differences[table] = row.n;
    }
  });
  return differences;
}
