import { Field, Int, ObjectType } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { CHINA_TODAY_SQL, chinaDateSql, chinaDayStartSql } from '@county/domain';
import type { SubgraphContext } from '@county/kit';
import { sql } from '../calendar/sql';
import { pgArray } from '../pg-array';
import { RegionRef } from '../directory';
import { PowerRecipientKind, recipientKindOf } from './power-vocabulary';

/**
 * Cases handled under a delegation: cases of the items implementing its power, received at a centre in the
 * recipient's region (or below) from the delegation's day until its withdrawal. `d` is the delegation.
 */
export const CASES_UNDER_DELEGATION = `
  join service_item i on i.power_id = d.power_id
  join service_case c on c.item_id = i.id
   and left(c.region_code, 9) = d.region_code
   and c.received_at >= ${chinaDayStartSql('d.delegated_from')}
   and (d.withdrawn_on is null or c.received_at < ${chinaDayStartSql('d.withdrawn_on')})`;

/** SQL: a delegation `d` in effect today (delegated by today, not withdrawn by today). */
export const IN_EFFECT_TODAY = `d.delegated_from <= ${CHINA_TODAY_SQL} and (d.withdrawn_on is null or d.withdrawn_on > ${CHINA_TODAY_SQL})`;

/** SQL: delegated at least `?` months ago (China today). */
export const DELEGATED_MONTHS_AGO = `d.delegated_from <= (${CHINA_TODAY_SQL} - make_interval(months => ?))::date`;

export interface DelegationUse {
  cases: number;
  lastCaseAt: Date | null;
}

/** 承接办件 of each delegation asked for in a tick: one statement, counted in SQL. */
export function delegationUseLoader(ctx: SubgraphContext) {
  return ctx.loaders.get<string, DelegationUse>('PowerDelegation.use', async (ids) => {
    const rows = await sql<{ id: string; cases: number; lastCaseAt: Date | null }[]>(
      ctx.em,
      `select d.id, count(c.id)::int as cases, max(c.received_at) as "lastCaseAt"
         from power_delegation d ${CASES_UNDER_DELEGATION}
        where d.id = any(?::uuid[]) group by d.id`,
      [pgArray(ids)],
    );
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? { cases: 0, lastCaseAt: null });
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

/** 赋权统计 of the delegations whose recipient code starts with `prefix`, in one statement. */
export async function powerStatsFigures(
  em: EntityManager,
  prefix: string,
  idleMonths: number,
): Promise<PowerStats> {
  // the region's cases of power items by power, township and day first (one scan), then each delegation
  // sums the days of its window: hash joins on equal keys, whatever the planner knows of the tables
  const rows = await sql<(PowerCounts & { regionCode: string | null })[]>(
    em,
    `with d as (select d.* from power_delegation d where d.region_code like ? and ${IN_EFFECT_TODAY}),
          daily as (
            select i.power_id, left(c.region_code, 9) as township, ${chinaDateSql('c.received_at')} as day,
                   count(*) as cases
              from service_case c join service_item i on i.id = c.item_id
             where i.power_id is not null and c.region_code like ?
             group by 1, 2, 3),
          used as (
            select d.id, d.power_id, d.region_code, d.taken_up_on, d.staff_trained, d.delegated_from,
                   coalesce(sum(k.cases), 0) as cases
              from d left join daily k on k.power_id = d.power_id and k.township = d.region_code
               and k.day >= d.delegated_from and (d.withdrawn_on is null or k.day < d.withdrawn_on)
             group by d.id, d.power_id, d.region_code, d.taken_up_on, d.staff_trained, d.delegated_from)
     select case when grouping(d.region_code) = 0 then d.region_code end as "regionCode",
            count(*)::int as delegations, count(distinct d.power_id)::int as powers,
            count(distinct d.region_code)::int as recipients,
            count(*) filter (where d.taken_up_on is not null)::int as "takenUp",
            coalesce(sum(d.staff_trained), 0)::int as "staffTrained",
            count(*) filter (where d.cases > 0)::int as exercised,
            count(*) filter (where d.cases = 0 and ${DELEGATED_MONTHS_AGO})::int as "neverExercised",
            coalesce(sum(d.cases), 0)::int as "casesHandled"
       from used d group by grouping sets ((d.region_code), ())
      order by grouping(d.region_code) desc, d.region_code`,
    [`${prefix}%`, `${prefix}%`, idleMonths],
  );
  // the grand total first (grouping sets' empty set: a row even when no delegation matches)
  const [{ regionCode: _total, ...total }, ...recipients] = rows;
  return Object.assign(new PowerStats(), total, {
    byRecipient: recipients.map(({ regionCode, ...counts }) =>
      Object.assign(new PowerRecipientFigures(), counts, {
        region: { code: regionCode! },
        recipientKind: recipientKindOf(regionCode!),
      }),
    ),
  });
}
