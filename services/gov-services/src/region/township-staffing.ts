import { Field, Float, Int, ObjectType } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { DateScalar, ruleIssue } from '@county/kit';
import { chinaDay, chinaYear, regionCodePrefix, yearRule } from '@county/domain';
import { ServiceLevel } from '../vocabulary';

@ObjectType({ description: '乡镇便民服务中心人员配备 — township centre staff on the roster on one day' })
export class TownshipStaffing {
  @Field(() => DateScalar, { description: '统计日 — 31 December of the year, or today for this year' })
  asOf!: string;

  @Field(() => Int, { description: '乡镇数 — townships of the region with a township centre' })
  townships!: number;

  @Field(() => Int, { description: '在岗人员 — staff on their rosters that day' })
  staff!: number;

  @Field(() => Float, {
    nullable: true,
    description: '乡镇平均人员 — staff per township (unrounded); null without a township centre',
  })
  staffPerTownship!: number | null;
}

/** A year that has begun: a later one has no roster yet. */
export const staffingYearRule = yearRule.superRefine((year, ctx) => {
  if (year > chinaYear()) ctx.addIssue(ruleIssue('not-future', `must be ${chinaYear()} or earlier`));
});

/** On the roster on day D: joined on or before D and not yet left (they are off it from `left_on`). */
const STAFFING = `
  select count(distinct c.region_code)::int as townships,
         count(s.id)::int as staff,
         count(s.id)::float8 / nullif(count(distinct c.region_code), 0) as "staffPerTownship"
    from service_centre c
    left join service_staff s
      on s.centre_id = c.id and s.joined_on <= ?::date and (s.left_on is null or s.left_on > ?::date)
   where c.level = ? and c.region_code like ?`;

/** 乡镇平均人员 of a region's township centres at the end of a year (today for this year), in one statement. */
export async function townshipStaffing(
  em: EntityManager,
  regionCode: string,
  year: number,
): Promise<TownshipStaffing> {
  const asOf = year === chinaYear() ? chinaDay() : `${year}-12-31`;
  const [row] = await em
    .getConnection()
    .execute<Omit<TownshipStaffing, 'asOf'>[]>(STAFFING, [
      asOf,
      asOf,
      ServiceLevel.TOWNSHIP,
      `${regionCodePrefix(regionCode)}%`,
    ]);
  return Object.assign(new TownshipStaffing(), { asOf, ...row });
}
