import type { EntityManager } from '@mikro-orm/postgresql';

/**
 * The rollups governance keeps by triggers, each with its recount function beside them: their key's last
 * column and their counters (dispute-rollup.entity.ts, petition-rollup.entity.ts), in the tables' order.
 */
const ROLLUPS = [
  {
    name: 'dispute_rollup',
    key: 'kind',
    counters: 'reported, mediated, resolved, resolved_locally, open_red, open_orange, reopened',
  },
  {
    name: 'petition_rollup',
    key: 'channel',
    counters:
      'received, petitioners, decided, decided_on_time, accepted, replied, replied_on_time, repeats, groups, ' +
      'escalated, handled_locally, review_requested, rated, satisfied, provisional',
  },
];

/**
 * Rows where each rollup and its recount (`dispute_rollup_recount`, `petition_rollup_recount`) differ: what a
 * restore checks (`rollupDifferences` of the definition).
 */
export async function governanceRollupDifferences(em: EntityManager): Promise<Record<string, number>> {
  const differences: Record<string, number> = {};
  for (const { name, key, counters } of ROLLUPS)
    for (const period of ['day', 'month']) {
      const table = `${name}_${period}`;
      // rows fallen back to all zeros are as good as absent
      const zeros = counters
        .split(',')
        .map(() => '0')
        .join(', ');
      const kept = `select region_code, ${period}, ${key}, ${counters} from ${table} where (${counters}) <> (${zeros})`;
      const recount = `select * from ${name}_recount('${period}')`;
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
