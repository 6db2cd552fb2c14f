import type { EntityManager } from '@mikro-orm/postgresql';
import { chinaDateSql as chinaDate } from '@county/domain';
import { clearStatsCache } from '../stats/stats-cache';
import { FAMILIES, periodStart, type RollupFamily, type Tier } from './families';

/** The region levels of a grouped row's centre region, as rows: the SQL twin of `regionAndAncestors`. */
const ancestors = (column: string) => `cross join lateral (
  select code from (values
    (${column}),
    (case when length(${column}) > 9 then left(${column}, 9) end),
    (case when length(${column}) > 6 then left(${column}, 6) end),
    (left(${column}, 4) || '00'),
    (left(${column}, 2) || '0000')
  ) v(code) where code is not null
) a`;

/**
 * Every counter recomputed from the cases themselves, one row per event that moved it, at the centre's own
 * region — what the rollups must equal. Used to build the rollups after a bulk load and, in tests, to check
 * the incremental path.
 */
export const EVENT_ROWS = `
  select c.region_code, ${chinaDate('c.received_at')} as day, c.channel, c.level, c.item_id, c.centre_id,
         1 received, 0 completed, 0 on_time, 0 one_visit, 0 rated, 0 satisfied, 0 bad, 0 rectified_on_time,
         0 target_cases, 0 target_met, null::smallint working_days
    from service_case c
  union all
  select c.region_code, ${chinaDate('c.completed_at')}, c.channel, c.level, c.item_id, c.centre_id,
         0, 1, c.on_time::int, (coalesce(c.visits, 0) <= 1)::int, 0, 0, 0, 0,
         (i.target_days is not null)::int, coalesce((c.working_days <= i.target_days)::int, 0), c.working_days
    from service_case c join service_item_version i on i.item_id = c.item_id and i.version = c.item_version
   where c.completed_at is not null
  union all
  select c.region_code, ${chinaDate('r.rated_at')}, c.channel, c.level, c.item_id, c.centre_id,
         0, 0, 0, 0, 1, (r.score >= 4)::int, (r.score <= 2)::int, 0, 0, 0, null
    from case_rating r join service_case c on c.id = r.case_id
  union all
  select c.region_code, ${chinaDate('r.rectified_at')}, c.channel, c.level, c.item_id, c.centre_id,
         0, 0, 0, 0, 0, 0, 0, 1, 0, 0, null
    from case_rating r join service_case c on c.id = r.case_id
   where r.rectified_at is not null and ${chinaDate('r.rectified_at')} <= r.rectify_by`;

const sums = (columns: readonly string[]) => columns.map((c) => `sum(${c})::int as ${c}`).join(', ');

const columnsOf = (family: RollupFamily, tier: Tier) =>
  ['region_code', tier.period, ...family.keys, ...family.counters].join(', ');

/**
 * A tier's rows from event rows: grouped at the centre's region by period and keys first, then spread over
 * the region levels above and grouped again, so the cases are read once and the ancestors multiply only sums.
 */
function fromEvents(family: RollupFamily, tier: Tier, source: string): string {
  const keys = [tier.period, ...family.keys].join(', ');
  // a day tier reads the event rows' own `day`, coarser tiers add their period's first day; each completion
  // event is one case to the durations
  const period = tier.period === 'day' ? '' : `, ${periodStart(tier.period, 'day')} as ${tier.period}`;
  const inner = `select region_code, ${keys}, ${sums(family.counters)} from (select *, 1 as cases${period} from ${source} x) e
    where ${family.counts} group by region_code, ${keys}`;
  const level = family.regionLength ? `where length(a.code) = ${family.regionLength}` : '';
  return `select a.code, ${keys}, ${sums(family.counters)}
    from (${inner}) g ${ancestors('g.region_code')} ${level} group by a.code, ${keys}`;
}

/** A coarser tier from the tier below it (same family): sums of its rows by the coarser period. */
const fromTier = (family: RollupFamily, tier: Tier, below: Tier) =>
  `select region_code, ${periodStart(tier.period, below.period)}, ${family.keys.join(', ')}, ${sums(family.counters)} from ${below.table} group by 1, 2, ${family.keys.map((_, i) => i + 3).join(', ')}`;

export interface Recount {
  columns: string;
  select: (source: string) => string;
}

/** Every rollup table's contents as computed from scratch from an event-rows source, per table. */
export const RECOUNT: Record<string, Recount> = Object.fromEntries(
  Object.values(FAMILIES).flatMap((family: RollupFamily) =>
    family.tiers.map((tier) => [
      tier.table,
      { columns: columnsOf(family, tier), select: (source: string) => fromEvents(family, tier, source) },
    ]),
  ),
);

const run = (em: EntityManager, sql: string) =>
  em.getConnection().execute(sql, [], 'run', em.getTransactionContext());

/** The event rows of every case, in a temporary table of the current transaction (for tests' recounts). */
export async function collectEventRows(em: EntityManager, table = 'recount_events'): Promise<string> {
  await run(em, `create temporary table ${table} on commit drop as ${EVENT_ROWS}`);
  return table;
}

/** Empties a table and fills it with `select`, its primary key built once afterwards by one sort. */
async function refill(tx: EntityManager, table: string, columns: string, select: string): Promise<void> {
  const [key] = await tx.getConnection().execute<{ name: string; definition: string }[]>(
    `select conname as name, pg_get_constraintdef(oid) as definition from pg_constraint
        where conrelid = ?::regclass and contype = 'p'`,
    [table],
    'all',
    tx.getTransactionContext(),
  );
  await run(tx, `truncate ${table}`);
  await run(tx, `alter table ${table} drop constraint ${key.name}`);
  // in key order: a region's rows of a period lie in a few pages, not one page each
  await run(tx, `insert into ${table} (${columns}) ${select} order by 1, 2`);
  await run(tx, `alter table ${table} add constraint ${key.name} ${key.definition}`);
  // the planner's statistics describe the new contents at once, not after autovacuum comes round
  await run(tx, `analyze ${table}`);
}

/**
 * Replaces every rollup with a recount from the cases, in one transaction (a savepoint in the caller's).
 * The finest tier of each family is computed from the event rows into a temporary table first (CREATE
 * TABLE AS may use parallel workers, INSERT … SELECT may not); each coarser tier is summed from the tier
 * below. Tables are truncated, so a rebuild holds them locked until it commits. `families` lets a bulk
 * loader rebuild disjoint families side by side on separate connections.
 */
export async function rebuildRollups(
  em: EntityManager,
  families: readonly RollupFamily[] = Object.values(FAMILIES),
): Promise<void> {
  await em.transactional(async (tx) => {
    // the recount's hash aggregates and the key builds fit in memory instead of spilling to disk
    await run(tx, `set local work_mem = '256MB'`);
    await run(tx, `set local maintenance_work_mem = '512MB'`);
    for (const family of families) {
      const [finest, ...coarser] = family.tiers;
      const staged = `recount_${finest.table}`;
      await run(
        tx,
        `create temporary table ${staged} on commit drop as select * from (${fromEvents(family, finest, `(${EVENT_ROWS})`)}) s(${columnsOf(family, finest)})`,
      );
      await refill(tx, finest.table, columnsOf(family, finest), `select * from ${staged}`);
      let below = finest;
      for (const tier of coarser) {
        await refill(tx, tier.table, columnsOf(family, tier), fromTier(family, tier, below));
        below = tier;
      }
    }
  });
  clearStatsCache();
}
