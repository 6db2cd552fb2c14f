import { Arg, Args, Ctx, Directive, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { z } from 'zod';
import { chinaDay, isoDay, parentRegionCode } from '@county/domain';
import { entityGroupLoader, entityLoader, notFound, parseInput, type SubgraphContext } from '@county/kit';
import { regionCodeRule } from '@county/domain';
import { Region } from './region.entity';
import { RegionsArgs } from './region.args';

const regionsArgsRule = z.object({ parentCode: regionCodeRule.optional() });

/** Codes of every region above `code`, from the top down. */
function ancestorCodes(code: string): string[] {
  const codes: string[] = [];
  for (let parent = parentRegionCode(code); parent; parent = parentRegionCode(parent)) codes.unshift(parent);
  return codes;
}

/** The filter for regions that exist on `day` (YYYY-MM-DD): begun by then, not yet ended. */
const existingOn = (day: string) => ({
  $and: [
    { $or: [{ validFrom: null }, { validFrom: { $lte: day } }] },
    { $or: [{ validTo: null }, { validTo: { $gte: day } }] },
  ],
});

const existsOn = (region: Region, day: string) =>
  (region.validFrom === null || region.validFrom <= day) &&
  (region.validTo === null || region.validTo >= day);

@Resolver(() => Region)
export class RegionResolver {
  // shared with the region copies of the other subgraphs (@county/kit region-copy): they answer while people is down
  @Directive('@shareable')
  @Query(() => Region, {
    nullable: true,
    description: '行政区划 — one region by its code; null when unknown',
  })
  region(@Arg('code', () => ID) code: string, @Ctx() ctx: SubgraphContext): Promise<Region | null> {
    parseInput(regionCodeRule, code, 'code');
    return entityLoader(ctx, Region, 'code').load(code);
  }

  // shared with the region copies of the other subgraphs (@county/kit region-copy): they answer while people is down
  @Directive('@shareable')
  @Query(() => [Region], {
    description:
      '行政区划列表 — regions by level and/or parent, ordered by code; NOT_FOUND (field parentCode) when no region has the parent code, an empty list for a known region with nothing below it',
  })
  async regions(@Args() args: RegionsArgs, @Ctx() ctx: SubgraphContext): Promise<Region[]> {
    parseInput(regionsArgsRule, { parentCode: args.parentCode ?? undefined }, '');
    // an unknown parent is a mistake to report, not a region without children (as Region.children says)
    if (args.parentCode && !(await entityLoader(ctx, Region, 'code').load(args.parentCode))) {
      throw notFound('parentCode', `no region has code ${args.parentCode}`);
    }
    const day = args.asOf ? isoDay(args.asOf) : chinaDay();
    const where = {
      ...(args.level ? { level: args.level } : {}),
      ...(args.parentCode ? { parentCode: args.parentCode } : {}),
      ...(args.includeDissolved ? {} : existingOn(day)),
    };
    return ctx.em.find(Region, where, { orderBy: { code: 'asc' } });
  }

  // shared with the region copies of the other subgraphs (@county/kit region-copy): they answer while people is down
  @Directive('@shareable')
  @FieldResolver(() => Region, { nullable: true, description: '上级 — the region directly above' })
  parent(@Root() region: Region, @Ctx() ctx: SubgraphContext): Promise<Region | null> | null {
    return region.parentCode ? entityLoader(ctx, Region, 'code').load(region.parentCode) : null;
  }

  // shared with the region copies of the other subgraphs (@county/kit region-copy): they answer while people is down
  @Directive('@shareable')
  @FieldResolver(() => [Region], {
    description: '下级 — the regions directly below today (not the merged-away ones), ordered by code',
  })
  async children(@Root() region: Region, @Ctx() ctx: SubgraphContext): Promise<Region[]> {
    const today = chinaDay();
    const all = await entityGroupLoader(ctx, Region, 'parentCode', { code: 'asc' }).load(region.code);
    return all.filter((child) => existsOn(child, today));
  }

  @FieldResolver(() => [Region], {
    description:
      '所有上级 — every region above that the directory holds, from the top (province or city) down to the parent',
  })
  async ancestors(@Root() region: Region, @Ctx() ctx: SubgraphContext): Promise<Region[]> {
    const found = await entityLoader(ctx, Region, 'code').loadMany(ancestorCodes(region.code));
    return found.filter((row): row is Region => row !== null && !(row instanceof Error));
  }
}
