import { FLAGGED_FOR_CLEAN_UP_SQL, OVERDUE_SQL } from '../pilot/pilot.stage';

/**
 * 承担 in year Y: approved by the end of Y and not closed (销号) before Y began. A pilot closed during Y
 * was still carried that year, so it counts in both `carried` and `closed` of Y.
 */
export const CARRIED_IN_YEAR_SQL = `(approved_on <= y.ends and (closed_on is null or closed_on >= y.starts))`;

/**
 * Every figure of `pilotStats` for a batch of regions in one statement: each region's pilots are those
 * with a region code matching one of its scope's patterns (`r.patterns`: its subtree and, in today's
 * regions, those of the regions merged into it; a pilot counts once however many match), its leads those
 * of organisations under them.
 * Carried, new, closed and the leads count for the statistics year; stages, overdue and clean-up are as
 * of today. Parameters: the year (twice), the regions as JSON [{ code, patterns }].
 */
export const PILOT_STATS_SQL = `
with y as (select make_date(?::int, 1, 1) as starts, make_date(?::int, 12, 31) as ends)
select r.code, s.*
  from y
  cross join json_to_recordset(?::json) as r(code text, patterns text[])
  cross join lateral (
    with p as (
      select * from pilot
       where exists (select 1 from unnest(region_codes) as rc(code) where rc.code like any (r.patterns))
    ),
    l as (select * from pilot_lead where region_code like any (r.patterns))
    select
      (select coalesce(json_agg(t), '[]') from (
         select level, stage, count(*)::int as count from p group by level, stage order by level, stage
       ) t) as cells,
      (select coalesce(json_agg(t), '[]') from (
         select level,
                (count(*) filter (where ${CARRIED_IN_YEAR_SQL}))::int as carried,
                (count(*) filter (where approved_on between y.starts and y.ends))::int as "newThisYear",
                (count(*) filter (where closed_on between y.starts and y.ends))::int as closed
           from p group by level
       ) t) as levels,
      (select coalesce(json_agg(t), '[]') from (
         select extract(year from approved_on)::int as year, level, count(*)::int as count
           from p where approved_on is not null group by 1, 2 order by 1, 2
       ) t) as years,
      (select coalesce(json_agg(t), '[]') from (
         select level, count(*)::int as issued, (count(*) filter (where status = 'WON'))::int as won
           from l where issued_on between y.starts and y.ends group by level
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
