import { Client } from 'pg';
import { openDatabase } from '@county/kit';
import { collectEventRows, RECOUNT } from '@county/gov-services';

/**
 * The subgraphs that keep rollup tables, each with its recount: the rows where a rollup and a recount of
 * its sources differ, per table. gov-services' recount is its own (`RECOUNT`, the one that rebuilds the
 * rollups after a bulk load); governance's is the database function `dispute_rollup_recount`, next to the
 * triggers that keep its rollups. The same comparisons their own tests make.
 */
const RECOUNTS: Record<string, (url: string) => Promise<Record<string, number>>> = {
  'gov-services': async (url) => {
    const orm = await openDatabase(url, [], []);
    const differences: Record<string, number> = {};
    try {
      await orm.em.fork().transactional(async (tx) => {
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
    } finally {
      await orm.close(true);
    }
    return differences;
  },
  governance: async (url) => {
    const client = new Client({ connectionString: url });
    await client.connect();
    try {
      const counters = 'reported, mediated, resolved, resolved_locally, open_red, open_orange';
      const differences: Record<string, number> = {};
      for (const period of ['day', 'month']) {
        const table = `dispute_rollup_${period}`;
        // rows fallen back to all zeros are as good as absent
        const kept = `select region_code, ${period}, kind, ${counters} from ${table}
                       where (${counters}) <> (0, 0, 0, 0, 0, 0)`;
        const recount = `select * from dispute_rollup_recount('${period}')`;
        const { rows } = await client.query<{ n: number }>(
          `select count(*)::int n from ((${kept} except all ${recount}) union all (${recount} except all ${kept})) d`,
        );
        differences[table] = rows[0].n;
      }
      return differences;
    } finally {
      await client.end();
    }
  },
};

/** Rows that differ from a recount, per rollup table; null for a subgraph without rollups. */
export async function rollupDifferences(
  url: string,
  subgraph: string,
): Promise<Record<string, number> | null> {
  const recount = RECOUNTS[subgraph];
  return recount ? recount(url) : null;
}
