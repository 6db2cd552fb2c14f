import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { z } from 'zod';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertSignedIn, badInput, notFound, parseInput } from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { uuidRule } from '@county/domain';
import { DisputeAction, DisputeStatus } from '../vocabulary';
import { assertWithin } from '../permissions';
import { noteRule, pastMoment } from '../field-rules';
import { Dispute } from '../dispute/dispute.entity';
import { DisputeStep } from '../dispute/dispute-step.entity';
import { appendStep } from '../dispute/dispute.mutations';
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
    description:
      '记录回访 — only after resolution; a relapse (relapsed: true) reopens the dispute; roles: the dispute’s township or the governance centre',
  })
  async recordReturnVisit(
    @Arg('disputeId', () => ID) disputeId: string,
    @Arg('input') input: ReturnVisitInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ReturnVisit> {
    assertSignedIn(ctx);
    parseInput(uuidRule, disputeId, 'disputeId');
    const data = parseInput(returnVisitRule, input, 'input');
    return ctx.em.transactional(async (em) => {
      // locked: a relapse reopens the dispute and appends its step, safe against a concurrent step
      const dispute = await em.findOne(Dispute, { id: disputeId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!dispute) throw notFound('disputeId', `no dispute has id ${disputeId}`);
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
      const visit = em.create(ReturnVisit, {
        id: crypto.randomUUID(),
        disputeId,
        ...data,
        note: data.note ?? null,
      });
      if (data.relapsed) await reopen(em, ctx, dispute, visit);
      return visit;
    });
  }
}

/**
 * A relapse reopens the dispute where it was found: open again (REGISTERED, counted by its risk colour),
 * no longer resolved, its earlier resolution kept in the steps; `reopenedCount` counts it in the statistics.
 */
async function reopen(em: EntityManager, ctx: SubgraphContext, dispute: Dispute, visit: ReturnVisit) {
  const last = await em.findOneOrFail(
    DisputeStep,
    { disputeId: dispute.id },
    { orderBy: { sequence: 'desc' } },
  );
  em.assign(dispute, {
    status: DisputeStatus.REGISTERED,
    resolutionLevel: null,
    resolvedAt: null,
    agreementForm: null,
    reopenedCount: dispute.reopenedCount + 1,
  });
  appendStep(em, ctx, dispute, {
    sequence: last.sequence + 1,
    action: DisputeAction.REOPEN,
    at: visit.visitedAt,
    note: visit.note,
    details: { returnVisitId: visit.id },
  });
}
