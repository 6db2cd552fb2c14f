import { CHINA_TODAY_SQL, regionCodeRange, RegionMapping } from '@county/domain';
import { regionPattern } from '../workforce/region-filter';

/** The length codes are padded to at the top of a prefix's range: a village's, the longest. */
const CODE_LENGTH = regionCodeRange('').hi.length;

/*
 * The statistics of a region and everything below it. Every statement takes the region's scope as its
 * first parameters (`scopeParameters`) and finds the region's rows through organization.region_code.
 */

/** The highest code that starts with `lo` (an SQL expression): `regionCodeRange` of @county/domain, in SQL. */
const rangeEnd = (lo: string) => `rpad(${lo}, ${CODE_LENGTH}, '9')`;

/**
 * The organisations whose region code starts with `lo` (an SQL expression): an index range on
 * organization_region_prefix_idx (text_pattern_ops, hence its own comparison operators). A `like` on a
 * pattern that is a column or a generic plan's parameter cannot use that index: it read every organisation
 * of the province, once per pattern (7 ms of a county's 12 ms for the cadres in secondment at 45 counties).
 */
const organizationsUnder = (lo: string) =>
  `select o.id from organization o where o.region_code ~>=~ ${lo} and o.region_code ~<=~ ${rangeEnd(lo)}`;

/**
 * The code prefixes of the regions merged into a region, transitively, from people's own successions —
 * under today's mapping only, and never a region split into several (its records cannot be divided: the
 * rule of the kit's regionScope). A merge joins regions of one level, so each prefix is as long as the
 * region's own (`lo`). Most regions have none: then the organisation table is not read for them at all.
 */
const mergedPrefixes = (lo: string, code: string, mapping: string) => `(
  with recursive merged(code, own) as (
    select ${code}::text, true
    union
    select s.predecessor_code, false from region_succession s join merged on s.successor_code = merged.code
     where ${mapping}::text = '${RegionMapping.TODAY}'
       and not exists (select 1 from region_succession split
         where split.predecessor_code = s.predecessor_code and split.successor_code <> s.successor_code))
  select distinct left(code, length(${lo})) as lo from merged where not own)`;

/**
 * The organisations in a region's scope: those under its own code and, in today's regions, those still
 * recorded under a region merged into it, each an index range (the pattern's prefix: the pattern without
 * its `%`). Each once (union), however the ranges overlap. Parameters: see `scopeParameters`.
 */
const organizationsInScope = (pattern = '?', code = '?', mapping = '?') => {
  // a `?` is a parameter of its own: the own range's prefix is computed once, so that the statement's
  // parameters stay those of `scopeParameters` (pattern, code, mapping, pattern)
  const lo = (expression: string) => `left(${expression}::text, -1)`;
  return `select o.id from (select ${lo(pattern)} as lo) own cross join lateral (${organizationsUnder('own.lo')}) o
   union
   select o.id from ${mergedPrefixes(lo(pattern), code, mapping)} mp
     cross join lateral (${organizationsUnder('mp.lo')} offset 0) o`;
};

/** The parameters of a region's scope, in the order the statements below take them first. */
export const scopeParameters = (code: string, mapping: RegionMapping): unknown[] => [
  regionPattern(code),
  code,
  mapping,
  regionPattern(code),
];

const PEOPLE_IN_REGION = `select p.id, p.roles from person p
  where p.organization_id in (${organizationsInScope()})`;

const ORGANIZATIONS_IN_REGION = organizationsInScope();

export const PEOPLE_BY_ROLE = `select r.role, count(*)::int as count
  from (${PEOPLE_IN_REGION}) p cross join unnest(p.roles) as r(role)
  group by r.role`;

/**
 * Community workers by post type and by level, and quotas with vacancies, for many regions in one
 * statement (a dashboard asks for all three at once; a list of regions asks for each of them).
 * Parameters: the regions' codes (text[]), their LIKE patterns (text[]), the mapping. Workers in a
 * community without a quota count as filled; vacancies are per community, never negative.
 */
export const COMMUNITY_WORKFORCE = `select r.code, s.*
  from unnest(?::text[], ?::text[]) as r(code, pattern)
  cross join (select ?::text as mapping) asked
  cross join lateral (
    with c as (${organizationsInScope('r.pattern', 'r.code', 'asked.mapping')}),
      w as (select w.organization_id, w.post_type, w.level from community_worker w
        where w.organization_id in (select id from c)),
      q as (select q.organization_id, q.quota from community_quota q where q.organization_id in (select id from c)),
      filled as (select organization_id, count(*)::int as n from w group by organization_id)
    select
      (select coalesce(json_agg(x), '[]') from (
         select post_type as "postType", count(*)::int as count from w group by post_type) x) as by_post_type,
      (select coalesce(json_agg(x order by x.level), '[]') from (
         select level, count(*)::int as count from w group by level) x) as by_level,
      (select count(*) from q)::int as communities,
      coalesce((select sum(quota) from q), 0)::int as quota,
      (select count(*) from w)::int as filled,
      coalesce((select sum(greatest(q.quota - coalesce(f.n, 0), 0)) from q
        left join filled f on f.organization_id = q.organization_id), 0)::int as vacancies
  ) s`;

/** The year asked for, or else the latest year anyone in the region was assessed. */
export const GRADES = `with assessed as (select a.year, a.grade from assessment a
    where a.person_id in (select id from (${PEOPLE_IN_REGION}) p)),
  chosen as (select coalesce(?::int, (select max(year) from assessed)) as year)
  select (select year from chosen) as year, a.grade, count(*)::int as count
  from assessed a where a.year = (select year from chosen) group by a.grade`;

/**
 * From today's secondments (a few hundred in a province) to their people, not from everyone in the
 * region to their secondments: with 45 counties of people the other way round read every person of the
 * region (46 ms a cockpit refresh).
 */
export const IN_SECONDMENT_NOW = `with active as materialized (
    select person_id from secondment where starts_on <= ${CHINA_TODAY_SQL} and ends_on >= ${CHINA_TODAY_SQL})
  select count(distinct a.person_id)::int as count from active a join person p on p.id = a.person_id
  where p.organization_id in (${ORGANIZATIONS_IN_REGION})`;

export const TRAINING = `with people as (select p.id, 'VILLAGE_CADRE' = any(p.roles) as village
    from (${PEOPLE_IN_REGION}) p),
  trained as (select a.person_id, sum(a.hours) as hours from training_attendance a
    join people on people.id = a.person_id group by a.person_id)
  select (select count(*) from people)::int as people,
         (select count(*) from trained)::int as "peopleTrained",
         coalesce((select sum(hours) from trained), 0)::int as hours,
         (select count(*) from people where village)::int as "villageCadres",
         (select count(*) from trained t join people on people.id = t.person_id where village)::int
           as "villageCadresTrained"`;

export const DEPARTING_BY_PLACEMENT = `select d.placement, count(*)::int as count from departing_cadre d
  where d.organization_id in (${ORGANIZATIONS_IN_REGION}) group by d.placement`;
