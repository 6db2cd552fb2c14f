import type { EntityManager } from '@mikro-orm/postgresql';
import { parentRegionCode } from '@county/domain';
import type { CaseChannel, ServiceLevel } from '../vocabulary';
import { pgArray } from '../pg-array';
import { clearStatsCache } from '../stats/stats-cache';

/** The region a centre lies in and every region above it: the rows one case event moves. */
export function regionAndAncestors(code: string): string[] {
  const codes = [code];
  for (let parent = parentRegionCode(code); parent; parent = parentRegionCode(parent)) codes.push(parent);
  return codes;
}

export const DAY_COUNTERS = [
  'received',
  'completed',
  'on_time',
  'one_visit',
  'rated',
  'satisfied',
  'bad',
  'rectified_on_time',
  'target_cases',
  'target_met',
] as const;
export type DayCounter = (typeof DAY_COUNTERS)[number];

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
}

const run = (em: EntityManager, sql: string, params: unknown[]) =>
  em.getConnection().execute(sql, params, 'run', em.getTransactionContext());

/**
 * Books one event into the rollups: one upsert per rollup table, each touching one row per region level.
 * Must run inside the transaction that appends the event.
 */
export async function bookRollups(em: EntityManager, delta: RollupDelta): Promise<void> {
  const regions = regionAndAncestors(delta.regionCode);
  const values = DAY_COUNTERS.map((counter) => delta.counters[counter] ?? 0);
  if (values.some((v) => v !== 0)) {
    const list = DAY_COUNTERS.join(', ');
    const updates = DAY_COUNTERS.map((c) => `${c} = rollup_day.${c} + excluded.${c}`).join(', ');
    await run(
      em,
      `insert into rollup_day (region_code, day, channel, level, ${list})
       select r, ?::date, ?, ?, ${DAY_COUNTERS.map(() => '?::int').join(', ')} from unnest(?::text[]) r
       on conflict (region_code, day, channel, level) do update set ${updates}`,
      [delta.day, delta.channel, delta.level, ...values, pgArray(regions)],
    );
  }
  if (delta.workingDays !== undefined) {
    await run(
      em,
      `insert into rollup_duration (region_code, day, working_days, cases)
       select r, ?::date, ?, 1 from unnest(?::text[]) r
       on conflict (region_code, day, working_days) do update set cases = rollup_duration.cases + 1`,
      [delta.day, delta.workingDays, pgArray(regions)],
    );
  }
  const received = delta.counters.received ?? 0;
  const completed = delta.counters.completed ?? 0;
  const onTime = delta.counters.on_time ?? 0;
  if (received || completed) {
    for (const [table, column, id] of [
      ['rollup_item_month', 'item_id', delta.itemId],
      ['rollup_centre_month', 'centre_id', delta.centreId],
    ] as const) {
      await run(
        em,
        `insert into ${table} (region_code, month, ${column}, received, completed, on_time)
         select r, date_trunc('month', ?::date)::date, ?, ?, ?, ? from unnest(?::text[]) r
         on conflict (region_code, month, ${column}) do update set
           received = ${table}.received + excluded.received,
           completed = ${table}.completed + excluded.completed,
           on_time = ${table}.on_time + excluded.on_time`,
        [delta.day, id, received, completed, onTime, pgArray(regions)],
      );
    }
  }
}

/** China date of a timestamptz column. */
const chinaDate = (column: string) => `(${column} at time zone 'Asia/Shanghai')::date`;

/** The region levels of a grouped row's centre region, as rows: the SQL twin of `regionAndAncestors`. */
const ancestors = (column: string) => `cross join lateral (
  select code from (values
    (${column}),
    (case when length(${column}) > 9 then left(${column}, 9) end),
    (case when length(${column}) > 6 then left(${column}, 6) end),
    (left(${column}, 4) || '00')
  ) v(code) where code is not null
) a`;

/**
 * Every counter recomputed from the cases themselves, one row per event that moved it, at the centre's own
 * region — what the rollups must equal. Used to build the rollups after a bulk load and, in tests, to check
 * the incremental path.
 */
const EVENT_ROWS = `
  select c.region_code, ${chinaDate('c.received_at')} as day, c.channel, c.level, c.item_id, c.centre_id,
         1 received, 0 completed, 0 on_time, 0 one_visit, 0 rated, 0 satisfied, 0 bad, 0 rectified_on_time,
         0 target_cases, 0 target_met, null::smallint working_days
    from service_case c
  union all
  select c.region_code, ${chinaDate('c.completed_at')}, c.channel, c.level, c.item_id, c.centre_id,
         0, 1, c.on_time::int, (coalesce(c.visits, 0) <= 1)::int, 0, 0, 0, 0,
         (i.target_days is not null)::int, coalesce((c.working_days <= i.target_days)::int, 0), c.working_days
    from service_case c join service_item i on i.id = c.item_id
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
const MONTH_COUNTERS = ['received', 'completed', 'on_time'] as const;

/**
 * Groups `source` (rows at the centre's region) by `keys` first, then spreads the few grouped rows over
 * the region levels above and groups again: the cases are read once, the ancestors multiply only sums.
 */
function twoStage(source: string, keys: string[], counters: readonly string[], where: string): string {
  const inner = `select region_code, ${keys.join(', ')}, ${sums(counters)} from ${source} e where ${where}
    group by region_code, ${keys.join(', ')}`;
  return `select a.code, ${keys.join(', ')}, ${counters.map((c) => `sum(${c})::int`).join(', ')}
    from (${inner}) g ${ancestors('g.region_code')} group by a.code, ${keys.join(', ')}`;
}

interface Recount {
  columns: string;
  select: (source: string) => string;
}

/** A per-month rollup keyed by `column` (an item or a centre). */
const monthly = (column: string): Recount => ({
  columns: `region_code, month, ${column}, ${MONTH_COUNTERS.join(', ')}`,
  select: (source) =>
    twoStage(
      `(select *, date_trunc('month', day)::date as month from ${source} x)`,
      ['month', column],
      MONTH_COUNTERS,
      'received + completed > 0',
    ),
});

/** The rollup tables' contents as computed from scratch from an event-rows source, per table. */
export const RECOUNT: Record<string, Recount> = {
  rollup_day: {
    columns: `region_code, day, channel, level, ${DAY_COUNTERS.join(', ')}`,
    select: (source) =>
      twoStage(
        source,
        ['day', 'channel', 'level'],
        DAY_COUNTERS,
        DAY_COUNTERS.map((c) => `${c} <> 0`).join(' or '),
      ),
  },
  rollup_duration: {
    columns: 'region_code, day, working_days, cases',
    select: (source) =>
      twoStage(
        `(select *, 1 as cases from ${source} x) `,
        ['day', 'working_days'],
        ['cases'],
        'working_days is not null',
      ),
  },
  rollup_item_month: monthly('item_id'),
  rollup_centre_month: monthly('centre_id'),
};

/** The event rows of every case, in a temporary table of the current transaction. */
export async function collectEventRows(em: EntityManager, table = 'recount_events'): Promise<string> {
  await run(em, `create temporary table ${table} on commit drop as ${EVENT_ROWS}`, []);
  return table;
}

/**
 * Replaces every rollup with a recount from the cases: the cases are read once into event rows, then one
 * INSERT … SELECT … GROUP BY per rollup table. Runs in its own transaction.
 */
export async function rebuildRollups(em: EntityManager): Promise<void> {
  await em.transactional(async (tx) => {
    const source = await collectEventRows(tx);
    for (const [table, recount] of Object.entries(RECOUNT)) {
      await run(tx, `delete from ${table}`, []);
      await run(tx, `insert into ${table} (${recount.columns}) ${recount.select(source)}`, []);
    }
  });
  clearStatsCache();
}
