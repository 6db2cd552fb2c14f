import { Field, Int, ObjectType } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CHINA_TODAY_SQL } from '@county/domain';
import type { SubgraphContext } from '@county/kit';
import { sql } from '../calendar/sql';
import { pgArray } from '../pg-array';
import { RegionRef } from '../directory';
import { PowerRecipientKind, recipientKindOf } from './power-vocabulary';

/**
 * A delegation `d`'s window in the township rollups: its whole months (`months_from` to `months_until`) from
 * the month tier, its edge days (before its first whole month, from the month it is withdrawn in; all of
 * them when the window holds no whole month) from the day tier. Most windows start on the 1st and are not
 * withdrawn: their edges are empty ranges.
 */
const WINDOW = `(select w.*,
         case when w.months_from < w.months_until then w.months_from else w.until end as head_until,
         case when w.months_from < w.months_until then w.months_until else w.until end as tail_from
    from (select coalesce(d.withdrawn_on, 'infinity'::date) as until,
                 (date_trunc('month', (d.delegated_from - 1)::timestamp) + interval '1 month')::date as months_from,
                 coalesce(date_trunc('month', d.withdrawn_on::timestamp)::date, 'infinity'::date) as months_until) w) w`;

/**
 * SQL, a scalar of delegation `d`: 承接办件, the cases of the items implementing its power received at a centre
 * in its township (or below) from its day until its withdrawal, summed from the township rollups — each part
 * an index range on (township, item, period), never the cases.
 */
export const CASES_UNDER_DELEGATION = `(select coalesce(sum(x.received), 0)::int from ${WINDOW}
  cross join service_item i
  cross join lateral (
    select m.received from rollup_township_item_month m
     where m.region_code = d.region_code and m.item_id = i.id and m.month >= w.months_from and m.month < w.months_until
    union all
    select k.received from rollup_township_item_day k
     where k.region_code = d.region_code and k.item_id = i.id and k.day >= d.delegated_from and k.day < w.head_until
    union all
    select k.received from rollup_township_item_day k
     where k.region_code = d.region_code and k.item_id = i.id and k.day >= w.tail_from and k.day < w.until) x
  where i.power_id = d.power_id)`;

/** SQL, a scalar of delegation `d`: the last day in its window with a case (one backward index probe per item). */
const LAST_CASE_DAY = `(select max(lc.day) from service_item i
  cross join lateral (
    select k.day from rollup_township_item_day k
     where k.region_code = d.region_code and k.item_id = i.id and k.received > 0
       and k.day >= d.delegated_from and (d.withdrawn_on is null or k.day < d.withdrawn_on)
     order by k.day desc limit 1) lc
  where i.power_id = d.power_id)`;

/** SQL: a delegation `d` in effect today (delegated by today, not withdrawn by today). */
export const IN_EFFECT_TODAY = `d.delegated_from <= ${CHINA_TODAY_SQL} and (d.withdrawn_on is null or d.withdrawn_on > ${CHINA_TODAY_SQL})`;

/** SQL: delegated at least `?` months ago (China today). */
export const DELEGATED_MONTHS_AGO = `d.delegated_from <= (${CHINA_TODAY_SQL} - make_interval(months => ?))::date`;

export interface DelegationUse {
  cases: number;
  /** YYYY-MM-DD (China). */
  lastCaseOn: string | null;
}

/** 承接办件 and 最近办件 of each delegation asked for in a tick (a list page): one statement over the rollups. */
export function delegationUseLoader(ctx: SubgraphContext) {
  return ctx.loaders.get<string, DelegationUse>('PowerDelegation.use', async (ids) => {
    const rows = await sql<(DelegationUse & { id: string })[]>(
      ctx.em,
      `select d.id, ${CASES_UNDER_DELEGATION} as cases, ${LAST_CASE_DAY}::text as "lastCaseOn"
         from power_delegation d where d.id = any(?::uuid[])`,
      [pgArray(ids)],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? { cases: 0, lastCaseOn: null });
  });
}

@ObjectType({ description: '赋权计数 — counts of delegated powers' })
export class PowerCounts {
  @Field(() => Int, { description: '下放事项(条) — delegations in effect today (a power × a recipient)' })
  delegations!: number;

  @Field(() => Int, { description: '下放权力 — distinct powers delegated' })
  powers!: number;

  @Field(() => Int, { description: '承接主体 — townships and development zones holding delegated powers' })
  recipients!: number;

  @Field(() => Int, { description: '已承接 — delegations the recipient has taken up (staff trained)' })
  takenUp!: number;

  @Field(() => Int, { description: '培训人员 — staff trained, summed over the delegations' })
  staffTrained!: number;

  @Field(() => Int, { description: '已行使 — delegations with at least one case handled under them' })
  exercised!: number;

  @Field(() => Int, {
    description: '下放未用 — delegated at least `idleMonths` months ago and never exercised (no case)',
  })
  neverExercised!: number;

  @Field(() => Int, { description: '承接办件 — cases handled under the delegations in effect' })
  casesHandled!: number;
}

@ObjectType({
  description: '乡镇赋权统计 — delegated powers of one township or development zone, as of today',
})
export class PowerRecipientFigures extends PowerCounts {
  @Field(() => RegionRef, { description: '承接主体 — the township or development zone' })
  region!: RegionRef;

  @Field(() => PowerRecipientKind, { description: '承接主体类型 — township or development zone' })
  recipientKind!: PowerRecipientKind;
}

@ObjectType({ description: '赋权统计 — delegated powers of a region’s townships and zones, as of today' })
export class PowerStats extends PowerCounts {
  @Field(() => [PowerRecipientFigures], {
    description: '分乡镇 — the same figures for each township or development zone holding delegated powers',
  })
  byRecipient!: PowerRecipientFigures[];
}

/** Each delegation in effect today of the regions asked (`scope`: each region asked with its code prefix). */
const USED = `
  scope as (select * from unnest(?::text[], ?::text[]) as s(region, prefix)),
  used as (select d.id, d.power_id, d.region_code, d.taken_up_on, d.staff_trained, d.delegated_from,
                  ${CASES_UNDER_DELEGATION} as cases
             from power_delegation d
            where d.region_code like any (?::text[]) and ${IN_EFFECT_TODAY})`;

/**
 * Per region asked: the grand total (a row even when no delegation matches), then each recipient's, in code
 * order. `delegations` counts joined rows only: a region without delegations joins none.
 */
const FIGURES = `with ${USED}
  select s.region, grouping(d.region_code) = 0 as "ofRecipient",
         case when grouping(d.region_code) = 0 then d.region_code end as "regionCode",
         count(d.id)::int as delegations, count(distinct d.power_id)::int as powers,
         count(distinct d.region_code)::int as recipients,
         count(*) filter (where d.taken_up_on is not null)::int as "takenUp",
         coalesce(sum(d.staff_trained), 0)::int as "staffTrained",
         count(*) filter (where d.cases > 0)::int as exercised,
         count(*) filter (where d.cases = 0 and ${DELEGATED_MONTHS_AGO})::int as "neverExercised",
         coalesce(sum(d.cases), 0)::int as "casesHandled"
    from scope s left join used d on d.region_code like s.prefix
   group by grouping sets ((s.region, d.region_code), (s.region))
   order by s.region, grouping(d.region_code) desc, d.region_code`;

type FiguresRow = PowerCounts & { region: string; ofRecipient: boolean; regionCode: string | null };

/** A region asked for, with the prefix of the recipient codes its figures count. */
export interface PowerStatsRegion {
  regionCode: string;
  prefix: string;
}

/**
 * 赋权统计 of every region asked at one query level (each the delegations whose recipient code starts with
 * its prefix), in ONE statement over the rollups; in the order of `regions`.
 */
export async function powerStatsFigures(
  em: EntityManager,
  regions: readonly PowerStatsRegion[],
  idleMonths: number,
): Promise<PowerStats[]> {
  const rows = await sql<FiguresRow[]>(em, FIGURES, [
    pgArray(regions.map((r) => r.regionCode)),
    pgArray(regions.map((r) => `${r.prefix}%`)),
    pgArray(regions.map((r) => `${r.prefix}%`)),
    idleMonths,
  ]);
  return regions.map(({ regionCode }) => {
    const [{ region: _r, ofRecipient: _o, regionCode: _total, ...total }, ...recipients] = rows.filter(
      (row) => row.region === regionCode,
    );
    return Object.assign(new PowerStats(), total, {
      // a region without delegations has its left join's empty row, not a recipient
      byRecipient: recipients
        .filter((row) => row.ofRecipient && row.regionCode !== null)
        .map(({ region: _region, ofRecipient: _of, regionCode: code, ...counts }) =>
          Object.assign(new PowerRecipientFigures(), counts, {
            region: { code: code! },
            recipientKind: recipientKindOf(code!),
          }),
        ),
    });
  });
}
