import type { EntityManager } from '@mikro-orm/postgresql';

/** The counters the rollup tables keep (dispute-rollup.entity.ts), compared with the database's recount. */
const COUNTERS = 'reported, mediated, resolved, resolved_locally, open_red, open_orange, reopened';

/**
 * Rows where each dispute rollup and `dispute_rollup_recount` (the function beside the triggers that keep
 * the rollups) differ: what a restore checks (`rollupDifferences` of the definition).
 */
export async function disputeRollupDifferences(em: EntityManager): Promise<Record<string, number>> {
  const differences: Record<string, number> = {};
  for (const period of ['day', 'month']) {
    const table = `dispute_rollup_${period}`;
    // rows fallen back to all zeros are as good as absent
    const kept = `select region_code, ${period}, kind, ${COUNTERS} from ${table}
                   where (${COUNTERS}) <> (${COUNTERS.split(',')
                     .map(() => '0')
                     .join(', ')})`;
    const recount = `select * from dispute_rollup_recount('${period}')`;
    const [row] = await em
      .fork()
      .getConnection()
      .execute<{ n: number }[]>(
        `select count(*)::int n from ((${kept} except all ${recount}) union all (${recount} except all ${kept})) d`,
      );
    differences[table] = row.n;
  }
  return differences;
}
