import { CHINA_TODAY_SQL } from '@county/domain';
import type { SubgraphContext } from '@county/kit';

/**
 * The months of `year` a pilot in progress has not reported, from the month work started up to last month
 * (this month may still be reported): one statement for every pilot of a request.
 */
export function missingLedgerMonths(ctx: SubgraphContext, year: number) {
  return ctx.loaders.get<string, string[]>(`Pilot.missingLedgerMonths.${year}`, async (ids) => {
    const rows: { id: string; months: string[] }[] = await ctx.em.getConnection().execute(
      `select p.id, array_agg(to_char(m, 'YYYY-MM') order by m) as months
         from pilot p
         cross join lateral generate_series(
           greatest(date_trunc('month', coalesce(p.starts_on, p.approved_on)), make_date(?, 1, 1)),
           least(date_trunc('month', ${CHINA_TODAY_SQL}) - interval '1 month', make_date(?, 12, 1)),
           interval '1 month') as m
        where p.id = any(?::uuid[]) and p.stage = 'IN_PROGRESS'
          and not exists (select 1 from pilot_ledger_entry e where e.pilot_id = p.id and e.month = to_char(m, 'YYYY-MM'))
        group by p.id`,
      [year, year, `{${ids.join(',')}}`],
    );
    const byId = new Map(rows.map((row) => [row.id, row.months]));
    return ids.map((id) => byId.get(id) ?? []);
  });
}
