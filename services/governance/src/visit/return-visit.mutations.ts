import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { z } from 'zod';
import { assertSignedIn, badInput, findForUpdate, parseInput } from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { uuidRule } from '@county/domain';
import { DisputeStatus } from '../vocabulary';
import { assertWithin } from '../permissions';
import { noteRule, pastMoment } from '../field-rules';
import { Dispute } from '../dispute/dispute.entity';
import { ReturnVisit } from './return-visit.entity';
import { ReturnVisitInput } from './return-visit.args';

const returnVisitRule = z.object({
  visitedAt: pastMoment,
  visitorId: uuidRule,
  satisfied: z.boolean(),
  relapsed: z.boolean(),
  note: noteRule,
});

@Resolver(() => ReturnVisit)
export class ReturnVisitMutations {
  @Mutation(() => ReturnVisit, {
    description: '记录回访 — only after resolution; roles: the dispute’s township or the governance centre',
  })
  async recordReturnVisit(
    @Arg('disputeId', () => ID) disputeId: string,
    @Arg('input') input: ReturnVisitInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ReturnVisit> {
    assertSignedIn(ctx);
    parseInput(uuidRule, disputeId, 'disputeId');
    const data = parseInput(returnVisitRule, input, 'input');
    const dispute = await findForUpdate(ctx, Dispute, 'id', disputeId, 'disputeId');
    await assertWithin(ctx, 'visit.record', dispute.regionCode);
    if (dispute.status !== DisputeStatus.RESOLVED || !dispute.resolvedAt) {
      throw badInput(
        'disputeId',
        'resolved',
        `a return visit follows a resolution; the dispute is ${dispute.status}`,
      );
    }
    if (data.visitedAt < dispute.resolvedAt) {
      throw badInput('input.visitedAt', 'after-resolution', 'must not be before the dispute was resolved');
    }
    await ctx.directory.requireExisting('input.visitorId', 'Person', [data.visitorId]);
    const visit = ctx.em.create(ReturnVisit, {
      id: crypto.randomUUID(),
      disputeId,
      ...data,
      note: data.note ?? null,
    });
    await ctx.em.flush();
    return visit;
  }
}
