import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput, pageSize, PreparedRead, regionScopeCondition, type Page } from '@county/kit';
import type { StatsPeriod } from './service-stats.query';
import { KpiOrder, SortDirection, type KpiListArgs } from './kpi-lists.types';
import type { TopList, TopRow } from './top-lists.query';

const TABLES: Record<TopList, { month: string; column: string }> = {
  items: { month: 'rollup_item_month', column: 'item_id' },
  centres: { month: 'rollup_centre_month', column: 'centre_id' },
};

/** Sort keys, never null (so a keyset holds): an entry with nothing completed has rate -1. */
const SORT_KEYS: Record<KpiOrder, string> = {
  [KpiOrder.RECEIVED]: 'received::float8',
  [KpiOrder.COMPLETED]: 'completed::float8',
  [KpiOrder.ON_TIME_RATE]: 'coalesce(on_time::float8 / nullif(completed, 0), -1)',
};

/** The whole months of the period, per item or centre: what the top lists sum (`top-lists.query.ts`). */
const figures = ({ month, column }: (typeof TABLES)[TopList], region: string) => `select ${column} as id,
  sum(received)::int received, sum(completed)::int completed, sum(on_time)::int on_time from ${month}
  where ${region} and month between date_trunc('month', ?::timestamp)::date and ?::date
  group by ${column}`;

interface KpiRow extends TopRow {
  sort_key: number;
}

/**
 * One statement per list, order and direction (a dozen in all, each prepared once): the page after the
 * cursor's (sort key, id), ties by id ascending whatever the direction.
 */
function pageStatement(
  list: TopList,
  order: KpiOrder,
  direction: SortDirection,
  region: string,
): PreparedRead<KpiRow> {
  const beyond = direction === SortDirection.DESC ? '<' : '>';
  return PreparedRead.of<KpiRow>(`select * from (
      select k.*, ${SORT_KEYS[order]} as sort_key from (${figures(TABLES[list], region)}) k) s
      where ?::float8 is null or s.sort_key ${beyond} ?::float8 or (s.sort_key = ?::float8 and s.id > ?::uuid)
      order by s.sort_key ${direction}, s.id limit ?`);
}

const counted = (list: TopList, region: string) =>
  PreparedRead.of<{ n: number }>(`select count(*)::int n from (${figures(TABLES[list], region)}) k`);

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function decodeCursor(after: string): [number, string] {
  let value: unknown;
  try {
    if (after.length <= 200) value = JSON.parse(Buffer.from(after, 'base64url').toString('utf8'));
  } catch {
    // not JSON: refused below
  }
  if (
    Array.isArray(value) &&
    value.length === 2 &&
    typeof value[0] === 'number' &&
    Number.isFinite(value[0]) &&
    typeof value[1] === 'string' &&
    UUID.test(value[1])
  )
    return value as [number, string];
  throw badInput('after', 'cursor', 'is not a cursor this list returned: pass a `pageInfo.endCursor` of it');
}

const encodeCursor = (row: KpiRow) =>
  Buffer.from(JSON.stringify([Number(row.sort_key), row.id])).toString('base64url');

/**
 * A page of every item's or centre's figures for the period, sorted as asked: the same sums of the same
 * month rollups as the top lists, so an entry's figures equal its `topItems`/`topCentres` entry.
 */
export async function kpiPage(
  em: EntityManager,
  period: StatsPeriod,
  list: TopList,
  args: KpiListArgs,
): Promise<Page<TopRow>> {
  const size = pageSize(args.first);
  const [sortValue, id] = args.after ? decodeCursor(args.after) : [null, null];
  const region = regionScopeCondition('region_code', period.codes);
  const bounds = [region.parameter, period.from, period.to];
  const rows = await pageStatement(list, args.orderBy, args.direction, region.sql).run(em, [
    ...bounds,
    sortValue,
    sortValue,
    sortValue,
    id,
    size + 1,
  ]);
  const nodes = rows.slice(0, size);
  const last = nodes.at(-1);
  let count: Promise<number> | undefined;
  return {
    nodes,
    pageInfo: { hasNextPage: rows.length > size, endCursor: last ? encodeCursor(last) : null },
    get totalCount() {
      count ??= counted(list, region.sql)
        .run(em, bounds)
        .then(([row]) => Number(row.n));
      return count;
    },
  };
}
