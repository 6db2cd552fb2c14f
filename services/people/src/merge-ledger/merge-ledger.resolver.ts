import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import {
  ConnectionType,
  entityLoader,
  pageRows,
  parseInput,
  type Page,
  type SubgraphContext,
} from '@county/kit';
import { Region } from '../region/region.entity';
import { regionPattern } from '../workforce/region-filter';
import { IdleAsset } from './idle-asset.entity';
import { RestructuredFacility } from './facility.entity';
import { MergeLedgerArgs } from './merge-ledger.args';
import { mergeLedgerArgsRule } from './merge-ledger.rules';

export const IdleAssetConnection = ConnectionType(IdleAsset, '闲置资产台账 — a page of idle assets');
export const RestructuredFacilityConnection = ConnectionType(
  RestructuredFacility,
  '设施调整台账 — a page of restructured facilities',
);

const IN_REGION = '(successor_code like ? or predecessor_code like ?)';

@Resolver()
export class MergeLedgerQueries {
  @Query(() => IdleAssetConnection, {
    description: '闲置资产台账 — idle assets left by merges in a region and below, in a stable order (by id)',
  })
  idleAssets(@Args() args: MergeLedgerArgs, @Ctx() ctx: SubgraphContext): Promise<Page<IdleAsset>> {
    parseInput(mergeLedgerArgsRule, { regionCode: args.regionCode }, '');
    const pattern = regionPattern(args.regionCode);
    return pageRows(ctx, IdleAsset, 'a', { sql: IN_REGION, params: [pattern, pattern] }, args, 'id', 'id');
  }

  @Query(() => RestructuredFacilityConnection, {
    description: '设施调整台账 — schools, health centres and elderly-care homes of merged-away regions',
  })
  restructuredFacilities(
    @Args() args: MergeLedgerArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<RestructuredFacility>> {
    parseInput(mergeLedgerArgsRule, { regionCode: args.regionCode }, '');
    const pattern = regionPattern(args.regionCode);
    const filter = { sql: IN_REGION, params: [pattern, pattern] };
    return pageRows(ctx, RestructuredFacility, 'f', filter, args, 'id', 'id');
  }
}

const regionOf = (ctx: SubgraphContext, code: string) =>
  entityLoader(ctx, Region, 'code').load(code) as Promise<Region>;

@Resolver(() => IdleAsset)
export class IdleAssetFields {
  @FieldResolver(() => Region, { description: '原区划 — the merged-away region' })
  predecessor(@Root() asset: IdleAsset, @Ctx() ctx: SubgraphContext): Promise<Region> {
    return regionOf(ctx, asset.predecessorCode);
  }

  @FieldResolver(() => Region, { description: '现区划 — the region that holds it now' })
  successor(@Root() asset: IdleAsset, @Ctx() ctx: SubgraphContext): Promise<Region> {
    return regionOf(ctx, asset.successorCode);
  }
}

@Resolver(() => RestructuredFacility)
export class RestructuredFacilityFields {
  @FieldResolver(() => Region, { description: '原区划 — the merged-away region' })
  predecessor(@Root() facility: RestructuredFacility, @Ctx() ctx: SubgraphContext): Promise<Region> {
    return regionOf(ctx, facility.predecessorCode);
  }

  @FieldResolver(() => Region, { description: '现区划 — the region it went on as' })
  successor(@Root() facility: RestructuredFacility, @Ctx() ctx: SubgraphContext): Promise<Region> {
    return regionOf(ctx, facility.successorCode);
  }
}
