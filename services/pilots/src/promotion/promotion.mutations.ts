import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { badInput, findForUpdate, type SubgraphContext } from '@county/kit';
import type { z } from 'zod';
import { PilotStage } from '../vocabulary';
import { Pilot } from '../pilot/pilot.entity';
import { parseMove, pilotToMove } from '../pilot/pilot.mutations';
import { PromotionRecord } from './promotion-record.entity';
import { PromotePilotInput, PromotionRecordInput } from './promotion.args';
import { promotePilotRule, promotionRecordRule } from './promotion.rules';

function addRecord(ctx: SubgraphContext, pilotId: string, record: z.infer<typeof promotionRecordRule>) {
  return ctx.em.create(PromotionRecord, { id: crypto.randomUUID(), pilotId, ...record });
}

@Resolver(() => Pilot)
export class PromotionMutations {
  @Mutation(() => Pilot, {
    description: '推广 — accepted → promoted, with its first record; role reform-office',
  })
  async promotePilot(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: PromotePilotInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Pilot> {
    const data = parseMove(ctx, id, promotePilotRule, input);
    const pilot = await pilotToMove(ctx, id, data.version, PilotStage.PROMOTED);
    if (pilot.acceptedOn && data.record.happenedOn < pilot.acceptedOn)
      throw badInput(
        'input.record.happenedOn',
        'after-acceptance',
        `must not be before the acceptance (${pilot.acceptedOn})`,
      );
    pilot.stage = PilotStage.PROMOTED;
    addRecord(ctx, pilot.id, data.record);
    await ctx.em.flush();
    return pilot;
  }

  @Mutation(() => PromotionRecord, {
    description: '推广记录 — add coverage, a meeting or an adoption to an approved pilot; role reform-office',
  })
  async addPromotionRecord(
    @Arg('pilotId', () => ID) pilotId: string,
    @Arg('input') input: PromotionRecordInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PromotionRecord> {
    const data = parseMove(ctx, pilotId, promotionRecordRule, input, 'pilotId');
    const pilot = await findForUpdate(ctx, Pilot, 'id', pilotId, 'pilotId');
    if (pilot.stage === PilotStage.PURSUING)
      throw badInput('pilotId', 'stage', 'a pilot still being pursued has no practice to promote yet');
    const record = addRecord(ctx, pilot.id, data);
    await ctx.em.flush();
    return record;
  }
}
