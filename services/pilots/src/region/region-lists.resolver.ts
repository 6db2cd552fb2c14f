import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Page, SubgraphContext } from '@county/kit';
import { RegionRef } from '../directory';
import { Pilot } from '../pilot/pilot.entity';
import { PilotListArgs } from '../pilot/pilot.args';
import { pagePilots } from '../pilot/pilot.query';
import { PilotConnection } from '../pilot/pilot.resolver';

/*
 * The region's pilots beside its statistics: asked for on `Region`, they travel in the same call to this
 * subgraph as `pilotStats` (the cockpit's one request makes one call here). One statement for the region
 * it is asked on: ask it on one region, not on every child.
 */
@Resolver(() => RegionRef)
export class RegionListsResolver {
  @FieldResolver(() => PilotConnection, {
    nullable: true, // fails alone: schema/src/nullable-extensions.ts
    description: '试点列表 — the pilots running in this region or below, with the top-level list’s filters',
  })
  pilots(
    @Root() region: RegionRef,
    @Args() args: PilotListArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<Pilot>> {
    return pagePilots(ctx, { ...args, regionCode: region.code });
  }
}
