import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parseInput } from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { chinaDay, regionCodePrefix, regionCodeRule } from '@county/domain';
import { RegionRef } from '../directory';
import { ServiceLevel } from '../vocabulary';
import { MovedDown } from './moved-down';

@ObjectType({
  description:
    '事项下沉 — the county catalogues’ items handled in the townships and villages today, by how they got there',
})
export class MovedDownFigures {
  @Field(() => Int, { description: '乡村可办事项 — items handled at township or village level' })
  townshipItems!: number;

  @Field(() => Int, {
    description: '进驻 — administrative approvals (常办高频) stationed in the township centres',
  })
  stationedApprovals!: number;

  @Field(() => Int, {
    description:
      '下放 — items moved down for the townships to handle (report 001: 80, public services such as 城乡低保申请 above all)',
  })
  delegatedItems!: number;

  @Field(() => Int, { description: '其他方式 — township-level items that got there by other means' })
  otherWays!: number;

  @Field(() => Int, { description: '未登记 — township-level items whose way down is not yet recorded' })
  notRecorded!: number;
}

/*
 * Every region asked in one request, in one statement. A township or village counts its county's catalogue
 * (items belong to a county); a city or province the catalogues of its counties. Items in effect today.
 */
const FIGURES = `
  select s.code,
         count(i.id)::int as "townshipItems",
         count(i.id) filter (where i.moved_down = ?)::int as "stationedApprovals",
         count(i.id) filter (where i.moved_down = ?)::int as "delegatedItems",
         count(i.id) filter (where i.moved_down = ?)::int as "otherWays",
         count(i.id) filter (where i.moved_down is null)::int as "notRecorded"
    from json_to_recordset(?::json) as s(code text, prefix text)
    left join service_item i
      on i.region_code like s.prefix
     and i.levels && ?::text[]
     and i.effective_from <= ?::date
     and (i.retired_from is null or i.retired_from > ?::date)
   group by s.code`;

type Row = MovedDownFigures & { code: string };

async function movedDownFigures(em: EntityManager, codes: readonly string[]): Promise<MovedDownFigures[]> {
  const scopes = codes.map((code) => ({
    code,
    prefix: `${code.length > 6 ? code.slice(0, 6) : regionCodePrefix(code)}%`,
  }));
  const today = chinaDay();
  const rows = await em
    .getConnection()
    .execute<Row[]>(FIGURES, [
      MovedDown.STATIONED,
      MovedDown.DELEGATED,
      MovedDown.OTHER,
      JSON.stringify(scopes),
      `{${ServiceLevel.TOWNSHIP},${ServiceLevel.VILLAGE}}`,
      today,
      today,
    ]);
  const byCode = new Map(rows.map(({ code, ...figures }) => [code, figures]));
  return codes.map((code) => Object.assign(new MovedDownFigures(), byCode.get(code)));
}

/** What this subgraph adds to Region for report 001's "36 进驻, 80 下放, 128 乡村可办". */
@Resolver(() => RegionRef)
export class RegionMovedDownResolver {
  @FieldResolver(() => MovedDownFigures, {
    // nullable: when this subgraph is down, the rest of the region still answers
    nullable: true,
    description:
      '事项下沉 — items of the county catalogues handled in townships and villages, by 下沉方式 (进驻/下放/other)',
  })
  movedDown(@Root() region: RegionRef, @Ctx() ctx: SubgraphContext): Promise<MovedDownFigures> {
    const code = parseInput(regionCodeRule, region.code, 'code');
    return ctx.loaders
      .get<string, MovedDownFigures>('Region.movedDown', (codes) => movedDownFigures(ctx.em, codes))
      .load(code);
  }
}
