import { Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { entityGroupLoader, entityLoader, type SubgraphContext } from '@county/kit';
import { Region } from '../region/region.entity';
import { RegionSuccession } from './region-succession.entity';

@Resolver(() => Region)
export class RegionHistoryResolver {
  @FieldResolver(() => [RegionSuccession], {
    description: '前身 — the regions that went on as this one (a merge), with the decision; empty when none',
  })
  predecessors(@Root() region: Region, @Ctx() ctx: SubgraphContext): Promise<RegionSuccession[]> {
    return entityGroupLoader(ctx, RegionSuccession, 'successorCode', { predecessorCode: 'asc' }).load(
      region.code,
    );
  }

  @FieldResolver(() => [RegionSuccession], {
    description:
      '后继 — what this region went on as after a change (merged into, recoded), with the decision',
  })
  successors(@Root() region: Region, @Ctx() ctx: SubgraphContext): Promise<RegionSuccession[]> {
    return entityGroupLoader(ctx, RegionSuccession, 'predecessorCode', { successorCode: 'asc' }).load(
      region.code,
    );
  }
}

@Resolver(() => RegionSuccession)
export class RegionSuccessionResolver {
  @FieldResolver(() => Region, { description: '原区划 — the region before the change' })
  async predecessor(@Root() edge: RegionSuccession, @Ctx() ctx: SubgraphContext): Promise<Region> {
    return (await entityLoader(ctx, Region, 'code').load(edge.predecessorCode)) as Region;
  }

  @FieldResolver(() => Region, { description: '现区划 — the region it continues as' })
  async successor(@Root() edge: RegionSuccession, @Ctx() ctx: SubgraphContext): Promise<Region> {
    return (await entityLoader(ctx, Region, 'code').load(edge.successorCode)) as Region;
  }
}

@Resolver()
export class RegionSuccessionsQuery {
  @Query(() => [RegionSuccession], {
    description:
      '区划变更记录 — every region succession (merge) recorded, by effective day: what the other subgraphs copy to count past statistics in today’s regions',
  })
  regionSuccessions(@Ctx() ctx: SubgraphContext): Promise<RegionSuccession[]> {
    return ctx.em.find(RegionSuccession, {}, { orderBy: { effectiveOn: 'asc', predecessorCode: 'asc' } });
  }
}
