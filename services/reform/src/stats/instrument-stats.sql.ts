import { PreparedRead, type SubgraphContext } from '@county/kit';
import { RegionMapping } from '@county/domain';
import { scopePatterns } from './reform-stats.sql';

export interface InstrumentRow {
  /** The region's code (the loader's key). */
  region: string;
  rounds: string;
  closed_rounds: string;
  tasks: string;
  entries: string;
  reported: string;
  inspections: string;
  inspected_organizations: string;
  bulletins: string;
  commended: string;
  lagging: string;
  orders: string;
  outcomes: string;
  selected: string;
  adoptions: Record<string, number> | null;
  towns: string | null;
  villages: string | null;
  reform_documents: string;
  implementing_documents: string;
  promotion: Record<string, number> | null;
}

/**
 * One statement for the instrument statistics of many regions (each with the LIKE patterns of its scope:
 * the region and everything below it and, in today's regions, the regions merged into it; `like any`
 * matches a row once, so nothing counts twice). Dispatch rounds, bulletins, outcomes, documents and promotion count by the region of the office
 * that keeps them; an inspection counts where it went; adoptions and replications by their outcome's region.
 * The year is a sub-select, not a bare parameter: with it a constant, a custom plan of a year the statistics
 * think rare looked cheaper than the generic one, so PostgreSQL planned the statement again on every call
 * (≈ 1.9 ms at the bench's size, more than it runs); as a sub-select both plans cost the same and the
 * generic one is kept after the fifth call.
 */
export const INSTRUMENTS_SQL = `with scope as (select region, patterns, (select ?::int) as year from json_to_recordset(?::json) as r(region text, patterns text[]))
   select s.region, d.*, i.*, io.*, b.*, o.*, a.*, r.*, doc.*, p.*
   from scope s
   cross join lateral (
     select count(distinct dr.id) as rounds, count(distinct dr.id) filter (where dr.status = 'CLOSED') as closed_rounds,
       count(distinct e.task_id) as tasks, count(e.id) as entries, count(e.reported) as reported
     from dispatch_round dr left join dispatch_entry e on e.round_id = dr.id
     where dr.year = s.year and dr.region_code like any (s.patterns)) d
   cross join lateral (
     select count(*) as inspections from inspection x
     where x.year = s.year and exists (select 1 from unnest(x.region_codes) c where c like any (s.patterns))) i
   cross join lateral (
     select count(distinct u) as inspected_organizations from inspection x, unnest(x.inspected_organization_ids) u
     where x.year = s.year and exists (select 1 from unnest(x.region_codes) c where c like any (s.patterns))) io
   cross join lateral (
     select count(distinct bl.id) as bulletins,
       count(m.id) filter (where m.verdict = 'COMMENDED') as commended,
       count(m.id) filter (where m.verdict = 'LAGGING') as lagging,
       count(m.supervision_order_id) as orders
     from bulletin bl left join bulletin_mention m on m.bulletin_id = bl.id
     where bl.year = s.year and bl.region_code like any (s.patterns)) b
   cross join lateral (
     select count(*) as outcomes, count(*) filter (where selected) as selected
     from outcome where year = s.year and region_code like any (s.patterns)) o
   cross join lateral (
     select json_object_agg(level, n) as adoptions from (
       select ad.level, count(distinct ad.outcome_id) as n
       from outcome_adoption ad join outcome oc on oc.id = ad.outcome_id
       where ad.year = s.year and oc.region_code like any (s.patterns) group by ad.level) levels) a
   cross join lateral (
     select sum(rp.towns) as towns, sum(rp.villages) as villages
     from outcome_replication rp join outcome oc on oc.id = rp.outcome_id
     where rp.year = s.year and oc.region_code like any (s.patterns)) r
   cross join lateral (
     select count(*) filter (where kind = 'REFORM_DOCUMENT') as reform_documents,
       count(*) filter (where kind = 'IMPLEMENTING_DOCUMENT') as implementing_documents
     from reform_document where year = s.year and region_code like any (s.patterns)) doc
   cross join lateral (
     select json_object_agg(kind, n) as promotion from (
       select kind, sum(count) as n from promotion where year = s.year and region_code like any (s.patterns) group by kind) kinds) p`;

const INSTRUMENTS = PreparedRead.of<InstrumentRow>(INSTRUMENTS_SQL);

export function queryInstrumentStats(
  ctx: SubgraphContext,
  codes: readonly string[],
  year: number,
  mapping = RegionMapping.TODAY,
): Promise<InstrumentRow[]> {
  return INSTRUMENTS.run(ctx.em, [year, scopePatterns(ctx, codes, mapping)]);
}
