import type { EntityManager } from '@mikro-orm/postgresql';
import type { SubgraphContext } from '@county/kit';
import { DisputeAction, DisputeStatus, JointHandlingOutcome } from '../vocabulary';
import type { Dispute } from './dispute.entity';
import type { DisputeStepData } from './dispute.rules';
import { JointHandling } from './joint-handling.entity';

/**
 * The joint-handling record a step of the county centre writes: convening creates it (the departments are
 * checked against the directory first), resolving or failing a convened dispute concludes it with the
 * result. Called after `planStep` has accepted the step.
 */
export async function recordJointHandling(
  ctx: SubgraphContext,
  em: EntityManager,
  dispute: Dispute,
  step: DisputeStepData,
): Promise<void> {
  if (step.action === DisputeAction.CONVENE) {
    await ctx.directory.requireExisting('input.departmentIds', 'Organization', step.departmentIds!);
    em.create(JointHandling, {
      disputeId: dispute.id,
      centreId: (step.organizationId ?? dispute.organizationId)!,
      convenedAt: step.at,
      departmentIds: step.departmentIds!,
      concludedAt: null,
      outcome: null,
      result: null,
    });
    return;
  }
  if (dispute.status !== DisputeStatus.CONVENED) return;
  const handling = await em.findOneOrFail(JointHandling, { disputeId: dispute.id });
  em.assign(handling, {
    concludedAt: step.at,
    outcome:
      step.action === DisputeAction.RESOLVE ? JointHandlingOutcome.RESOLVED : JointHandlingOutcome.UNRESOLVED,
    result: step.note ?? null,
  });
}
