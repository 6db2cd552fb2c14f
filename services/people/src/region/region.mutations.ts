import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { z } from 'zod';
import { levelOfRegionCode, parentRegionCode, regionCodeRule, RegionLevel, textRule } from '@county/domain';
import {
  assertPerformAction,
  badInput,
  entityLoader,
  findForUpdate,
  parseInput,
  type SubgraphContext,
} from '@county/kit';
import { permissions } from '../permissions';
import { Region } from './region.entity';
import { CreateRegionInput, UpdateRegionInput } from './region.args';

const createRule = z.object({ code: regionCodeRule, name: textRule(100) });
const updateRule = z.object({ name: textRule(100) });

@Resolver(() => Region)
export class RegionMutations {
  @Mutation(() => Region, {
    description:
      '新建行政区划 — add a region under an existing parent; a city also at the top, when its province is not registered (role hr)',
  })
  async createRegion(@Arg('input') input: CreateRegionInput, @Ctx() ctx: SubgraphContext): Promise<Region> {
    assertPerformAction(ctx, permissions, 'region.write');
    const { code, name } = parseInput(createRule, input, 'input');
    const level = levelOfRegionCode(code) as RegionLevel;
    let parentCode = parentRegionCode(code);
    if (await entityLoader(ctx, Region, 'code').load(code)) {
      throw badInput('input.code', 'unique', `region ${code} exists already`);
    }
    const parentExists =
      parentCode !== null && (await entityLoader(ctx, Region, 'code').load(parentCode)) !== null;
    // a directory may begin at its cities: a city stands at the top until its province is registered
    if (level === RegionLevel.CITY && !parentExists) parentCode = null;
    if (parentCode && !parentExists) {
      throw badInput('input.code', 'parent-exists', `its parent region ${parentCode} does not exist`);
    }
    const region = ctx.em.create(Region, { code, name, level, parentCode });
    await ctx.em.flush();
    return region;
  }

  @Mutation(() => Region, { description: '修改行政区划 — rename a region (role hr)' })
  async updateRegion(
    @Arg('code', () => ID) code: string,
    @Arg('input') input: UpdateRegionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Region> {
    assertPerformAction(ctx, permissions, 'region.write');
    parseInput(regionCodeRule, code, 'code');
    const { name } = parseInput(updateRule, input, 'input');
    const region = await findForUpdate(ctx, Region, 'code', code, 'code');
    region.name = name;
    await ctx.em.flush();
    return region;
  }
}
