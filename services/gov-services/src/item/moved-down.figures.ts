import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import type { EntityManager } from '@mikro-orm/postgresql';
import { parseInput } from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { chinaDay, regionCodePrefix, regionCodeRange, regionCodeRule } from '@county/domain';
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
 * Each region's items are an index range on region_code (`regionCodeRange`):
 * a `like` on a pattern from the scope could not use the index, and read the whole catalogue of every
 * county (50 ms a cockpit refresh at the bench's 58,000 items).
 */
const FIGURES = `
  select s.code, f.*
    from json_to_recordset(?::json) as s(code text, lo text, hi text)
    cross join lateral (
      select count(*)::int as "townshipItems",
             count(*) filter (where i.moved_down = ?)::int as "stationedApprovals",
             count(*) filter (where i.moved_down = ?)::int as "delegatedItems",
             count(*) filter (where i.moved_down = ?)::int as "otherWays",
             count(*) filter (where i.moved_down is null)::int as "notRecorded"
        from service_item i
       where i.region_code between s.lo and s.hi
         and i.levels && ?::text[]
         and i.effective_from <= ?::date
         and (i.retired_from is null or i.retired_from > ?::date)) f`;

type Row = MovedDownFigures & { code: string };

async function movedDownFigures(em: EntityManager, codes: readonly string[]): Promise<MovedDownFigures[]> {
  const scopes = codes.map((code) => {
    const prefix = code.length > 6 ? code.slice(0, 6) : (regionCodePrefix(code) ?? code);
    return { code, ...regionCodeRange(prefix) };
  });
  const today = chinaDay();
  const rows = await em
    .getConnection()
    .execute<Row[]>(FIGURES, [
      JSON.stringify(scopes),
      MovedDown.STATIONED,
      MovedDown.DELEGATED,
      MovedDown.OTHER,
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
