import type { EntityManager } from '@mikro-orm/postgresql';
import { EVENT_ROWS, RECOUNT } from '../rollup/recount';
import { FAMILIES, type RollupFamily } from '../rollup/families';

const run = (tx: EntityManager, text: string) =>
  tx.getConnection().execute(text, [], 'run', tx.getTransactionContext());

/** The recount's event rows of the cases in `cases` (a table shaped like service_case), into `target`. */
export async function eventRowsOf(tx: EntityManager, cases: string, target: string): Promise<void> {
  const rows = EVENT_ROWS.replace(/\bservice_case c\b/g, `${cases} c`);
  if (rows === EVENT_ROWS) throw new Error('the recount no longer reads service_case c: adapt eventRowsOf');
  await run(tx, `create temporary table ${target} on commit drop as ${rows}`);
}

/**
 * Moves every rollup by what the changed cases count after the delivery minus what they counted before: the
 * recount's own grouping over the two sets of event rows, summed with opposite signs and upserted. Rows
 * left at zero are removed, as a recount has none.
 */
export async function applyRollupChanges(tx: EntityManager, before: string, after: string): Promise<void> {
  for (const family of Object.values(FAMILIES) as RollupFamily[])
    for (const tier of family.tiers) {
      const recount = RECOUNT[tier.table];
      const keys = ['region_code', tier.period, ...family.keys];
      const counters = [...family.counters];
      const columns = [...keys, ...counters];
      const negated = [...keys, ...counters.map((c) => `-${c}`)].join(', ');
      await run(
        tx,
        `insert into ${tier.table} (${columns.join(', ')})
         select ${keys.join(', ')}, ${counters.map((c) => `sum(${c})::int`).join(', ')} from (
           select * from (${recount.select(after)}) a(${columns.join(', ')})
           union all
           select ${negated} from (${recount.select(before)}) b(${columns.join(', ')})
         ) d group by ${keys.join(', ')}
         having ${counters.map((c) => `sum(${c}) <> 0`).join(' or ')}
         on conflict (${keys.join(', ')}) do update set ${counters.map((c) => `${c} = ${tier.table}.${c} + excluded.${c}`).join(', ')}`,
      );
      await run(tx, `delete from ${tier.table} where ${counters.map((c) => `${c} = 0`).join(' and ')}`);
    }
}
