import { randomUUID } from 'node:crypto';
import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { uuidRule } from '@county/domain';
import {
  assertPerformAction,
  badInput,
  findForUpdate,
  parseInput,
  presentFields,
  requireExisting,
  type SubgraphContext,
} from '@county/kit';
import { permissions } from '../permissions';
import { Region } from '../region/region.entity';
import { RegionSuccession } from '../region-change/region-succession.entity';
import { flushVersioned, requireVersion } from '../workforce/versioned';
import { IdleAsset } from './idle-asset.entity';
import { RestructuredFacility } from './facility.entity';
import {
  RecordFacilityInput,
  RecordIdleAssetInput,
  UpdateFacilityInput,
  UpdateIdleAssetInput,
} from './merge-ledger.args';
import {
  facilityChangesRule,
  facilityRule,
  idleAssetChangesRule,
  idleAssetRule,
  recordFacilityRule,
  recordIdleAssetRule,
} from './merge-ledger.rules';

/** The merge a ledger row belongs to: the succession people recorded, or a refusal naming the field. */
async function requireSuccession(
  ctx: SubgraphContext,
  { predecessorCode, successorCode }: { predecessorCode: string; successorCode: string },
): Promise<RegionSuccession> {
  await requireExisting(ctx, Region, 'code', predecessorCode, 'input.predecessorCode');
  const edge = await ctx.em.findOne(RegionSuccession, { predecessorCode, successorCode });
  if (!edge)
    throw badInput(
      'input.successorCode',
      'succession',
      `no merge of ${predecessorCode} into ${successorCode} is recorded (mergeRegions first)`,
    );
  return edge;
}

async function assertNameFree(
  ctx: SubgraphContext,
  entity: typeof IdleAsset | typeof RestructuredFacility,
  predecessorCode: string,
  name: string,
  id?: string,
): Promise<void> {
  const same = await ctx.em.findOne(entity as typeof IdleAsset, { predecessorCode, name });
  if (same && same.id !== id)
    throw badInput('input.name', 'unique', `${predecessorCode} has a record named ${name} already`);
}

/** An asset is idle, and disposed of, only from the day the merge takes effect. */
function assertDisposedAfterMerge(edge: RegionSuccession, disposedOn: string | null | undefined): void {
  if (disposedOn && disposedOn < edge.effectiveOn)
    throw badInput(
      'input.disposedOn',
      'after-merge',
      `the merge took effect on ${edge.effectiveOn}: nothing was left idle before`,
    );
}

/** Facilities are restructured once the merge is decided (often before it takes effect). */
function assertRestructuredAfterDecision(edge: RegionSuccession, restructuredOn: string): void {
  if (restructuredOn < edge.decidedOn)
    throw badInput(
      'input.restructuredOn',
      'after-decision',
      `the merge was decided on ${edge.decidedOn} (${edge.decisionDocument})`,
    );
}

@Resolver()
export class MergeLedgerMutations {
  @Mutation(() => IdleAsset, {
    description:
      '登记闲置资产 — record an idle premises a merge left (五站五所, offices …), with its disposal when done (hr, or the township covering the successor)',
  })
  async recordIdleAsset(
    @Arg('input') input: RecordIdleAssetInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<IdleAsset> {
    const data = parseInput(recordIdleAssetRule, input, 'input');
    assertPerformAction(ctx, permissions, 'merge-ledger.write', { regionCode: data.successorCode });
    const edge = await requireSuccession(ctx, data);
    assertDisposedAfterMerge(edge, data.disposedOn);
    await assertNameFree(ctx, IdleAsset, data.predecessorCode, data.name);
    const asset = ctx.em.create(IdleAsset, {
      ...data,
      id: randomUUID(),
      disposal: data.disposal ?? null,
      disposedOn: data.disposedOn ?? null,
      proceeds: data.proceeds ?? null,
      disposedTo: data.disposedTo ?? null,
    });
    await ctx.em.flush();
    return asset;
  }

  @Mutation(() => IdleAsset, {
    description: '修改闲置资产 — e.g. record its disposal; send the version you read',
  })
  async updateIdleAsset(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: UpdateIdleAssetInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<IdleAsset> {
    parseInput(uuidRule, id, 'id');
    const changes = parseInput(idleAssetChangesRule, presentFields(input), 'input');
    const asset = await findForUpdate(ctx, IdleAsset, 'id', id, 'id');
    assertPerformAction(ctx, permissions, 'merge-ledger.write', { regionCode: asset.successorCode });
    requireVersion(asset, version);
    const { kind, name, area, bookValue, disposal, disposedOn, proceeds, disposedTo } = asset;
    const current = { kind, name, area, bookValue, disposal, disposedOn, proceeds, disposedTo };
    const next = parseInput(idleAssetRule, { ...current, ...changes }, 'input');
    assertDisposedAfterMerge(await requireSuccession(ctx, asset), next.disposedOn);
    if (changes.name) await assertNameFree(ctx, IdleAsset, asset.predecessorCode, next.name, asset.id);
    ctx.em.assign(asset, {
      ...next,
      disposal: next.disposal ?? null,
      disposedOn: next.disposedOn ?? null,
      proceeds: next.proceeds ?? null,
      disposedTo: next.disposedTo ?? null,
    });
    await flushVersioned(ctx, asset);
    return asset;
  }

  @Mutation(() => RestructuredFacility, {
    description:
      '登记设施调整 — a school, health centre or elderly-care home of a merged-away region kept, merged or converted (hr, or the township covering the successor)',
  })
  async recordRestructuredFacility(
    @Arg('input') input: RecordFacilityInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RestructuredFacility> {
    const data = parseInput(recordFacilityRule, input, 'input');
    assertPerformAction(ctx, permissions, 'merge-ledger.write', { regionCode: data.successorCode });
    const edge = await requireSuccession(ctx, data);
    assertRestructuredAfterDecision(edge, data.restructuredOn);
    await assertNameFree(ctx, RestructuredFacility, data.predecessorCode, data.name);
    const facility = ctx.em.create(RestructuredFacility, {
      ...data,
      id: randomUUID(),
      became: data.became ?? null,
    });
    await ctx.em.flush();
    return facility;
  }

  @Mutation(() => RestructuredFacility, { description: '修改设施调整 — send the version you read' })
  async updateRestructuredFacility(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: UpdateFacilityInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RestructuredFacility> {
    parseInput(uuidRule, id, 'id');
    const changes = parseInput(facilityChangesRule, presentFields(input), 'input');
    const facility = await findForUpdate(ctx, RestructuredFacility, 'id', id, 'id');
    assertPerformAction(ctx, permissions, 'merge-ledger.write', { regionCode: facility.successorCode });
    requireVersion(facility, version);
    const { kind, name, outcome, became, restructuredOn } = facility;
    const next = parseInput(
      facilityRule,
      { kind, name, outcome, became, restructuredOn, ...changes },
      'input',
    );
    assertRestructuredAfterDecision(await requireSuccession(ctx, facility), next.restructuredOn);
    if (changes.name)
      await assertNameFree(ctx, RestructuredFacility, facility.predecessorCode, next.name, facility.id);
    ctx.em.assign(facility, { ...next, became: next.became ?? null });
    await flushVersioned(ctx, facility);
    return facility;
  }
}
