import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Page, SubgraphContext } from '@county/kit';
import { RegionRef } from '../directory';
import { Dispute } from '../dispute/dispute.entity';
import { DisputeFilterArgs } from '../dispute/dispute.args';
import { findDisputes } from '../dispute/dispute.query';
import { DisputeConnection } from '../dispute/dispute.resolver';

/*
 * The region's disputes beside its statistics: asked for on `Region`, they travel in the same call to
 * this subgraph as `disputeStats` (the cockpit's one request makes one call here). One statement for the
 * region it is asked on: ask it on one region, not on every child.
 */
@Resolver(() => RegionRef)
export class RegionListsResolver {
  @FieldResolver(() => DisputeConnection, {
    nullable: true, // fails alone: schema/src/nullable-extensions.ts
    description:
      '纠纷列表 — the disputes that arose in this region or below, with the top-level list’s filters',
  })
  disputes(
    @Root() region: RegionRef,
    @Args() args: DisputeFilterArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<Dispute>> {
    return findDisputes(ctx, { ...args, regionCode: region.code });
  }
}
