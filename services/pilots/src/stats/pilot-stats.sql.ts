import { FLAGGED_FOR_CLEAN_UP_SQL, OVERDUE_SQL } from '../pilot/pilot.stage';

/**
 * Every figure of `pilotStats` for a batch of regions in one statement: each region's pilots are those
 * with a region code under its prefix (`r.pattern`), its leads those of organisations under it.
 * Parameters: region codes (text[]), their LIKE patterns (text[]), the statistics year.
 */
export const PILOT_STATS_SQL = `
select r.code, s.*
  from unnest(?::text[], ?::text[]) as r(code, pattern)
  cross join lateral (
    with p as (
      select * from pilot
       where exists (select 1 from unnest(region_codes) as rc(code) where rc.code like r.pattern)
    ),
    l as (select * from pilot_lead where region_code like r.pattern)
    select
      (select coalesce(json_agg(t), '[]') from (
         select level, stage, count(*)::int as count from p group by level, stage order by level, stage
       ) t) as cells,
      (select coalesce(json_agg(t), '[]') from (
         select extract(year from approved_on)::int as year, level, count(*)::int as count
           from p where approved_on is not null group by 1, 2 order by 1, 2
       ) t) as years,
      (select coalesce(json_agg(t), '[]') from (
         select level, count(*)::int as issued, (count(*) filter (where status = 'WON'))::int as won
           from l group by level
       ) t) as leads,
      (select json_build_object(
         'pilots', count(distinct e.pilot_id)::int,
         'issued', coalesce(sum(e.questionnaires_issued), 0)::int,
         'returned', coalesce(sum(e.questionnaires_returned), 0)::int,
         'verySatisfied', coalesce(sum(e.very_satisfied), 0)::int,
         'satisfied', coalesce(sum(e.satisfied), 0)::int)
         from pilot_evaluation e join p on p.id = e.pilot_id) as evaluations,
      (select (count(*) filter (where ${OVERDUE_SQL}))::int from p) as overdue,
      (select (count(*) filter (where ${FLAGGED_FOR_CLEAN_UP_SQL}))::int from p) as flagged
  ) s`;
