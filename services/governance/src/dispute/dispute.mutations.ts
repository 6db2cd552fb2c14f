import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { assertSignedIn, badInput, givenValues, notFound, parseInput, requireExisting } from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { uuidRule } from '@county/domain';
import { DisputeAction, DisputeStatus } from '../vocabulary';
import { assertWithin } from '../permissions';
import { isWithin } from '../within';
import { Grid } from '../grid/grid.entity';
import { MediationOrganization } from '../mediation/mediation-organization.entity';
import { Dispute } from './dispute.entity';
import { DisputeStep } from './dispute-step.entity';
import { DisputeStepInput, RegisterDisputeInput } from './dispute.args';
import { disputeStepRule, isJointHandlingStep, planStep, registerDisputeRule } from './dispute.rules';
import { recordJointHandling } from './joint-handling';
import { requireMediatorOf } from './mediator';

interface StepRecord {
  sequence: number;
  action: DisputeAction;
  at: Date;
  note?: string | null;
  details: Record<string, unknown>;
}

/** Appends a step with the dispute's status after it: the course of a dispute is only ever added to. */
export function appendStep(
  em: EntityManager,
  ctx: SubgraphContext,
  dispute: Dispute,
  step: StepRecord,
): void {
  em.create(DisputeStep, {
    id: crypto.randomUUID(),
    disputeId: dispute.id,
    ...step,
    status: dispute.status,
    actor: ctx.identity.subject ?? 'anonymous',
    note: step.note ?? null,
  });
}

@Resolver(() => Dispute)
export class DisputeMutations {
  @Mutation(() => Dispute, {
    description: '登记纠纷 — roles: the township it arose in, or the county’s governance centre',
  })
  async registerDispute(
    @Arg('input') input: RegisterDisputeInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Dispute> {
    assertSignedIn(ctx);
    const data = parseInput(registerDisputeRule, input, 'input');
    const grid = data.gridId ? await requireExisting(ctx, Grid, 'id', data.gridId, 'input.gridId') : null;
    const regionCode = data.regionCode ?? grid!.regionCode;
    if (grid && !isWithin(regionCode, grid.regionCode)) {
      throw badInput(
        'input.regionCode',
        'within-grid',
        `must be the grid's region ${grid.regionCode} or lie in it`,
      );
    }
    await assertWithin(ctx, 'dispute.write', regionCode);
    await ctx.directory.requireExisting('input.regionCode', 'Region', [regionCode]);
    return ctx.em.transactional(async (em) => {
      const dispute = em.create(Dispute, {
        id: crypto.randomUUID(),
        regionCode,
        gridId: grid?.id ?? null,
        kind: data.kind,
        channel: data.channel,
        reportedAt: data.reportedAt,
        parties: data.parties,
        partyCount: data.partyCount,
        amount: data.amount === null || data.amount === undefined ? null : data.amount.toFixed(2),
        summary: data.summary,
        riskColour: data.riskColour,
        status: DisputeStatus.REGISTERED,
        resolutionLevel: null,
        organizationId: null,
        mediatorId: null,
        resolvedAt: null,
        agreementForm: null,
        referral: null,
      });
      appendStep(em, ctx, dispute, {
        sequence: 1,
        action: DisputeAction.REGISTER,
        at: data.reportedAt,
        note: data.note,
        details: { channel: data.channel, riskColour: data.riskColour },
      });
      return dispute;
    });
  }

  @Mutation(() => Dispute, {
    description:
      '办理纠纷 — the next step (start mediation, resolve, fail, refer; convene a joint meeting on a dispute referred to JOINT_HANDLING, then resolve or fail it), recorded as a new step; same roles as registerDispute, except that only the county’s governance centre convenes and concludes joint handling',
  })
  async recordDisputeStep(
    @Arg('disputeId', () => ID) disputeId: string,
    @Arg('input') input: DisputeStepInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Dispute> {
    assertSignedIn(ctx);
    parseInput(uuidRule, disputeId, 'disputeId');
    const step = parseInput(disputeStepRule, input, 'input');
    return ctx.em.transactional(async (em) => {
      // the row lock makes the status check and the step's sequence safe against a concurrent step
      const dispute = await em.findOne(Dispute, { id: disputeId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!dispute) throw notFound('disputeId', `no dispute has id ${disputeId}`);
      // joint handling is the county centre's alone; the rest of the course, the township's too
      if (isJointHandlingStep(dispute, step))
        await assertWithin(ctx, 'dispute.joint-handling', dispute.regionCode);
      else await assertWithin(ctx, 'dispute.write', dispute.regionCode);
      const organizationId = step.organizationId ?? dispute.organizationId;
      const organization = organizationId
        ? await requireExisting(ctx, MediationOrganization, 'id', organizationId, 'input.organizationId')
        : null;
      if (organization && !isWithin(dispute.regionCode, organization.regionCode)) {
        throw badInput(
          'input.organizationId',
          'covers-region',
          `works in ${organization.regionCode}, not in the dispute's region ${dispute.regionCode}`,
        );
      }
      const last = await em.findOneOrFail(DisputeStep, { disputeId }, { orderBy: { sequence: 'desc' } });
      const changes = planStep(dispute, last.at, step, organization);
      if (step.mediatorId)
        await requireMediatorOf(ctx, 'input.mediatorId', step.mediatorId, dispute.regionCode);
      if (isJointHandlingStep(dispute, step)) await recordJointHandling(ctx, em, dispute, step);
      em.assign(dispute, changes);
      const { note, at, action, ...details } = step;
      appendStep(em, ctx, dispute, {
        sequence: last.sequence + 1,
        action,
        at,
        note,
        // what the step decided (organisation, mediator, level, agreement, referral), as given
        details: {
          ...givenValues(details),
          ...(organization ? { organizationId: organization.id } : {}),
        },
      });
      return dispute;
    });
  }
}
