/*
 * The statistics of a region and everything below it. Every statement takes the region's LIKE pattern as
 * its first parameter and finds the region's rows through organization.region_code (text_pattern_ops index).
 */

const PEOPLE_IN_REGION = `select p.id, p.roles from person p join organization o on o.id = p.organization_id
  where o.region_code like ?`;

const ORGANIZATIONS_IN_REGION = `select o.id from organization o where o.region_code like ?`;

export const PEOPLE_BY_ROLE = `select r.role, count(*)::int as count
  from (${PEOPLE_IN_REGION}) p cross join unnest(p.roles) as r(role)
  group by r.role`;

export const WORKERS_BY_POST_TYPE = `select w.post_type as "postType", count(*)::int as count
  from community_worker w where w.organization_id in (${ORGANIZATIONS_IN_REGION})
  group by w.post_type`;

export const WORKERS_BY_LEVEL = `select w.level, count(*)::int as count
  from community_worker w where w.organization_id in (${ORGANIZATIONS_IN_REGION})
  group by w.level order by w.level`;

/** Workers in a community without a quota count as filled; vacancies are per community, never negative. */
export const QUOTAS = `with communities as (${ORGANIZATIONS_IN_REGION}),
  filled as (select w.organization_id, count(*)::int as n from community_worker w
    where w.organization_id in (select id from communities) group by w.organization_id)
  select (select count(*) from community_quota q where q.organization_id in (select id from communities))::int
           as communities,
         coalesce((select sum(q.quota) from community_quota q
           where q.organization_id in (select id from communities)), 0)::int as quota,
         coalesce((select sum(n) from filled), 0)::int as filled,
         coalesce((select sum(greatest(q.quota - coalesce(f.n, 0), 0)) from community_quota q
           left join filled f on f.organization_id = q.organization_id
           where q.organization_id in (select id from communities)), 0)::int as vacancies`;

/** The year asked for, or else the latest year anyone in the region was assessed. */
export const GRADES = `with assessed as (select a.year, a.grade from assessment a
    where a.person_id in (select id from (${PEOPLE_IN_REGION}) p)),
  chosen as (select coalesce(?::int, (select max(year) from assessed)) as year)
  select (select year from chosen) as year, a.grade, count(*)::int as count
  from assessed a where a.year = (select year from chosen) group by a.grade`;

export const IN_SECONDMENT_NOW = `select count(distinct s.person_id)::int as count from secondment s
  where s.person_id in (select id from (${PEOPLE_IN_REGION}) p)
    and s.starts_on <= current_date and s.ends_on >= current_date`;

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
