import type { EntityManager } from '@mikro-orm/postgresql';
import { PreparedRead, regionScopeCondition } from '@county/kit';
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
const topOfYear = ({ year, column }: (typeof TABLES)[TopList], region: string, merged: boolean) =>
  merged
    ? // a region with merged predecessors: their ranks cannot be merged, their sums can
      `select ${column} as id, sum(received)::int received, sum(completed)::int completed,
        sum(on_time)::int on_time from ${year} where ${region} and year = date_trunc('year', ?::timestamp)::date
        group by ${column} order by received desc, ${column} limit 10`
    : `select ${column} as id, received, completed, on_time from ${year}
        where ${region} and year = date_trunc('year', ?::timestamp)::date
        order by received desc, ${column} limit 10`;
const topOfMonths = ({ month, column }: (typeof TABLES)[TopList], region: string) => `select ${column} as id,
  sum(received)::int received, sum(completed)::int completed, sum(on_time)::int on_time from ${month}
  where ${region} and month between date_trunc('month', ?::timestamp)::date and ?::date
  group by ${column} order by received desc, ${column} limit 10`;
const isOneCalendarYear = ({ from, to }: StatsPeriod) =>
  from.slice(0, 4) === to.slice(0, 4) && from.slice(5, 7) === '01' && to.slice(5, 7) === '12';

/** The ten items or centres of the period with the most cases received: one statement. */
export function topRows(em: EntityManager, period: StatsPeriod, list: TopList): Promise<TopRow[]> {
  const region = regionScopeCondition('region_code', period.codes);
  return isOneCalendarYear(period)
    ? PreparedRead.of<TopRow>(topOfYear(TABLES[list], region.sql, period.codes.length > 1)).run(em, [
        region.parameter,
        period.from,
      ])
    : PreparedRead.of<TopRow>(topOfMonths(TABLES[list], region.sql)).run(em, [
        region.parameter,
        period.from,
        period.to,
      ]);
}
