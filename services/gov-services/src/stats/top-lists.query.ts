import type { EntityManager } from '@mikro-orm/postgresql';
import { PreparedRead } from '@county/kit';
import type { StatsPeriod } from './service-stats.query';

export type TopList = 'items' | 'centres';

export interface TopRow {
  id: string;
  received: number;
  completed: number;
  on_time: number;
}

const TABLES: Record<TopList, { year: string; month: string; column: string }> = {
  items: { year: 'rollup_item_year', month: 'rollup_item_month', column: 'item_id' },
  centres: { year: 'rollup_centre_year', month: 'rollup_centre_month', column: 'centre_id' },
};

/**
 * A top list counts the whole months the period touches. When those are exactly one calendar year, the
 * year tier's rank index gives the ten rows directly; otherwise the months are summed.
 */
const topOfYear = ({
  year,
  column,
}: (typeof TABLES)[TopList]) => `select ${column} as id, received, completed,
  on_time from ${year} where region_code = ? and year = date_trunc('year', ?::timestamp)::date
  order by received desc, ${column} limit 10`;
const topOfMonths = ({ month, column }: (typeof TABLES)[TopList]) => `select ${column} as id,
  sum(received)::int received, sum(completed)::int completed, sum(on_time)::int on_time from ${month}
  where region_code = ? and month between date_trunc('month', ?::timestamp)::date and ?::date
  group by ${column} order by received desc, ${column} limit 10`;
const isOneCalendarYear = ({ from, to }: StatsPeriod) =>
  from.slice(0, 4) === to.slice(0, 4) && from.slice(5, 7) === '01' && to.slice(5, 7) === '12';

const STATEMENTS = Object.fromEntries(
  Object.entries(TABLES).map(([list, tables]) => [
    list,
    {
      year: new PreparedRead<TopRow>(topOfYear(tables)),
      months: new PreparedRead<TopRow>(topOfMonths(tables)),
    },
  ]),
) as Record<TopList, { year: PreparedRead<TopRow>; months: PreparedRead<TopRow> }>;

/** The ten items or centres of the period with the most cases received: one statement. */
export function topRows(em: EntityManager, period: StatsPeriod, list: TopList): Promise<TopRow[]> {
  const statements = STATEMENTS[list];
  return isOneCalendarYear(period)
    ? statements.year.run(em, [period.regionCode, period.from])
    : statements.months.run(em, [period.regionCode, period.from, period.to]);
}
