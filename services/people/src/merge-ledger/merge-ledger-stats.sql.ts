/*
 * A merge's ledgers counted for many regions in one statement (a list of regions asks for each). Parameter:
 * the regions' LIKE patterns (text[]). A row belongs to a region when the merged-away region or its
 * successor lies in it; a row is counted once however both match. Disposals count as of today (a future
 * date is refused on write).
 */
export const MERGE_LEDGER_STATS = `select r.pattern, s.*
  from unnest(?::text[]) as r(pattern)
  cross join lateral (
    with a as (select kind, disposal, area, book_value, proceeds from merge_idle_asset
        where successor_code like r.pattern or predecessor_code like r.pattern),
      f as (select kind, outcome from restructured_facility
        where successor_code like r.pattern or predecessor_code like r.pattern)
    select
      (select count(*) from a)::int as "idleAssets",
      (select count(*) from a where disposal is not null)::int as disposed,
      (select round(count(disposal)::numeric / nullif(count(*), 0), 4) from a)::float8 as "disposalRate",
      coalesce((select sum(area) from a), 0)::float8 as area,
      coalesce((select sum(book_value) from a), 0)::float8 as "bookValue",
      coalesce((select sum(proceeds) from a), 0)::float8 as proceeds,
      (select coalesce(json_agg(x order by x.kind), '[]') from (
         select kind, count(*)::int as assets, count(disposal)::int as disposed,
           sum(area)::float8 as area, sum(book_value)::float8 as "bookValue"
         from a group by kind) x) as "byKind",
      (select coalesce(json_agg(x order by x.method), '[]') from (
         select disposal as method, count(*)::int as assets, sum(book_value)::float8 as "bookValue",
           coalesce(sum(proceeds), 0)::float8 as proceeds
         from a where disposal is not null group by disposal) x) as "byDisposal",
      (select count(*) from f)::int as facilities,
      (select count(*) from f where outcome <> 'KEPT')::int as "facilitiesRestructured",
      (select coalesce(json_agg(x order by x.kind, x.outcome), '[]') from (
         select kind, outcome, count(*)::int as count from f group by kind, outcome) x) as "byFacility"
  ) s`;
