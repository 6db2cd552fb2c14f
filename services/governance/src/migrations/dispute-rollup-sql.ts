/*
 * The SQL of the dispute rollups, built from a list of counters (name, condition on a dispute row), so a
 * later migration that changes what a counter means re-creates the same functions from its own list; each
 * migration keeps its own list, frozen, as it ran.
 */

export type Counters = readonly (readonly [name: string, when: string])[];

/** The report day in China: the day boundaries the statistics have always used. */
const CHINA_DAY = `(reported_at at time zone 'Asia/Shanghai')::date`;

export function disputeRollupSql(counters: Counters, columns: readonly string[]) {
  const names = counters.map(([name]) => name);
  const sums = (from: string) => names.map((name) => `sum(${from}${name})::int as ${name}`).join(', ');

  /**
   * `grouped` (counters by the dispute's own region, `day` and kind) spread over that region and the regions
   * above it: grouped first, so the ancestors multiply sums, not disputes.
   */
  const spread = (grouped: string) => `
  select r.code::varchar(12) as region_code, g.day, g.kind, ${sums('g.')}
    from (${grouped}) g cross join lateral unnest(region_and_ancestors(g.region_code)) r(code)
   group by 1, 2, 3`;

  /** Adds rows of `source` (region_code, period, kind, counters) to a rollup, in key order. */
  const upsert = (rollup: string, period: string, source: string) => `
  insert into ${rollup} as t (region_code, ${period}, kind, ${names.join(', ')})
  ${source} order by 1, 2, 3
  on conflict (region_code, ${period}, kind) do update set ${names.map((n) => `${n} = t.${n} + excluded.${n}`).join(', ')}`;

  /**
   * Books changed disputes (`signed`: +1 rows for their new state, −1 rows for their old one) into both
   * rollups in one statement. Groups whose changes cancel out (an update that moves no counter) write nothing;
   * rows are upserted in key order, so two writers touching the same days lock them in the same order.
   */
  const book = (signed: string) => `
  with changed as (${spread(`
    select * from (
      select region_code, day, kind,
             ${counters.map(([name, when]) => `sum(case when ${when} then sign else 0 end) as ${name}`).join(', ')}
        from (${signed}) s group by 1, 2, 3
    ) moved where ${names.map((name) => `${name} <> 0`).join(' or ')}`)}
  ), days as (${upsert('dispute_rollup_day', 'day', 'select * from changed')})
  ${upsert('dispute_rollup_month', 'month', `select region_code, date_trunc('month', day::timestamp)::date, kind, ${sums('')} from changed group by 1, 2, 3`)};`;

  const signedRows = (rows: string, sign: number) =>
    `select region_code, ${CHINA_DAY} as day, kind, ${columns.join(', ')}, ${sign} as sign from ${rows}`;

  return {
    names,
    /** The one recount ('day' or 'month'), straight from the disputes. */
    recount: `create or replace function dispute_rollup_recount(period text)
      returns table (region_code varchar(12), period_start date, kind text, ${names.map((n) => `${n} int`).join(', ')})
      language sql stable as $$ ${spread(`
        select d.region_code, date_trunc(period, (d.reported_at at time zone 'Asia/Shanghai'))::date as day, d.kind,
               ${counters.map(([name, when]) => `count(*) filter (where ${when}) as ${name}`).join(', ')}
          from dispute d group by 1, 2, 3`)} $$;`,
    book: `create or replace function dispute_rollup_book() returns trigger language plpgsql as $$ begin
      if tg_op = 'INSERT' then ${book(signedRows('new_rows', 1))}
      elsif tg_op = 'DELETE' then ${book(signedRows('old_rows', -1))}
      else ${book(`${signedRows('old_rows', -1)} union all ${signedRows('new_rows', 1)}`)}
      end if;
      return null;
    end $$;`,
  };
}
