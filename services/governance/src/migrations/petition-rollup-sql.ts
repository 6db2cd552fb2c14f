/*
 * The SQL of the petition rollups, built from a list of counters (name, what one petition row adds), so a
 * later migration that changes what a counter means re-creates the same functions from its own list; each
 * migration keeps its own list, frozen, as it ran. Beside dispute-rollup-sql.ts: the same shape, but a
 * counter here is a value (a petition adds its petitioner count to `petitioners`), not only a condition.
 */

export type PetitionCounters = readonly (readonly [name: string, value: string])[];

/** 1 when `condition` holds, else 0 (also when it is null: a deadline not met yet is not met). */
export const when = (condition: string) => `case when ${condition} then 1 else 0 end`;

/** The day received in China: the day boundaries the statistics have always used. */
const CHINA_DAY = `(received_at at time zone 'Asia/Shanghai')::date`;

export function petitionRollupSql(counters: PetitionCounters) {
  const names = counters.map(([name]) => name);
  const sums = (from: string) => names.map((name) => `sum(${from}${name})::int as ${name}`).join(', ');

  /** `grouped` (counters by the petition's own region, day and channel) spread over it and the regions above. */
  const spread = (grouped: string) => `
  select r.code::varchar(12) as region_code, g.day, g.channel, ${sums('g.')}
    from (${grouped}) g cross join lateral unnest(region_and_ancestors(g.region_code)) r(code)
   group by 1, 2, 3`;

  /** Adds rows of `source` (region_code, period, channel, counters) to a rollup, in key order. */
  const upsert = (rollup: string, period: string, source: string) => `
  insert into ${rollup} as t (region_code, ${period}, channel, ${names.join(', ')})
  ${source} order by 1, 2, 3
  on conflict (region_code, ${period}, channel) do update set ${names.map((n) => `${n} = t.${n} + excluded.${n}`).join(', ')}`;

  /** A transition table's rows as signed counters: +1 for the new state, −1 for the old. */
  const signed = (rows: string, sign: number) =>
    `select region_code, ${CHINA_DAY} as day, channel, ${counters
      .map(([name, value]) => `(${value}) * ${sign} as ${name}`)
      .join(', ')} from ${rows}`;

  /**
   * Books changed petitions into both rollups in one statement. Groups whose changes cancel out (an update
   * that moves no counter: a new version, a reply's text) write nothing; rows are upserted in key order, so
   * two writers touching the same days lock them in the same order.
   */
  const book = (rows: string) => `
  with changed as (${spread(`
    select * from (
      select region_code, day, channel, ${names.map((name) => `sum(${name}) as ${name}`).join(', ')}
        from (${rows}) s group by 1, 2, 3
    ) moved where ${names.map((name) => `${name} <> 0`).join(' or ')}`)}
  ), days as (${upsert('petition_rollup_day', 'day', 'select * from changed')})
  ${upsert('petition_rollup_month', 'month', `select region_code, date_trunc('month', day::timestamp)::date, channel, ${sums('')} from changed group by 1, 2, 3`)};`;

  return {
    names,
    /** The one recount ('day' or 'month'), straight from the petitions. */
    recount: `create or replace function petition_rollup_recount(period text)
      returns table (region_code varchar(12), period_start date, channel text, ${names.map((n) => `${n} int`).join(', ')})
      language sql stable as $$ ${spread(`
        select p.region_code, date_trunc(period, (p.received_at at time zone 'Asia/Shanghai'))::date as day, p.channel,
               ${counters.map(([name, value]) => `sum(${value}) as ${name}`).join(', ')}
          from petition p group by 1, 2, 3`)} $$;`,
    book: `create or replace function petition_rollup_book() returns trigger language plpgsql as $$ begin
      if tg_op = 'INSERT' then ${book(signed('new_rows', 1))}
      elsif tg_op = 'DELETE' then ${book(signed('old_rows', -1))}
      else ${book(`${signed('old_rows', -1)} union all ${signed('new_rows', 1)}`)}
      end if;
      return null;
    end $$;`,
  };
}
