import { Arg, Args, Ctx, FieldResolver, Float, ID, Query, Resolver, Root } from 'type-graphql';
import { ConnectionType, entityGroupLoader, entityLoader, parseInput } from '@county/kit';
import type { Page, SubgraphContext } from '@county/kit';
import { uuidRule } from '@county/domain';
import { PersonRef, RegionRef, personRef } from '../directory';
import { Grid } from '../grid/grid.entity';
import { MediationOrganization } from '../mediation/mediation-organization.entity';
import { ReturnVisit } from '../visit/return-visit.entity';
import { Dispute } from './dispute.entity';
import { DisputeStep } from './dispute-step.entity';
import { JointHandling } from './joint-handling.entity';
import { DisputesArgs } from './dispute.args';
import { findDisputes } from './dispute.query';
import { seesDisputeParties } from '../permissions';

/** What callers who may not read a dispute's parties see instead of its free text. */
export const MASKED = '***';
const MASKED_FOR = `"${MASKED}" unless the caller is the dispute's township, the county's governance centre (political-legal committee) or hr`;

/** Loaded rows are plain objects (not entities), so a masked copy is safe to hand out. */
const withNoteMasked = <T extends { note: string | null }>(row: T): T =>
  row.note === null ? row : { ...row, note: MASKED };

export const DisputeConnection = ConnectionType(Dispute, '纠纷列表 — a page of disputes, by time reported');

@Resolver(() => Dispute)
export class DisputeResolver {
  @Query(() => Dispute, { nullable: true, description: '纠纷 — one dispute by id; null when unknown' })
  dispute(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Dispute | null> {
    parseInput(uuidRule, id, 'id');
    return entityLoader(ctx, Dispute, 'id').load(id);
  }

  @Query(() => DisputeConnection, {
    description:
      '纠纷列表 — disputes by kind, status, risk colour, region (including below), grid, organisation, mediator, dates',
  })
  disputes(@Args() args: DisputesArgs, @Ctx() ctx: SubgraphContext): Promise<Page<Dispute>> {
    return findDisputes(ctx, args);
  }

  @FieldResolver(() => RegionRef, { description: '发生地 — the township or village it arose in' })
  region(@Root() dispute: Dispute): RegionRef {
    return { code: dispute.regionCode };
  }

  @FieldResolver(() => Grid, { nullable: true, description: '所在网格 — the grid it was found in' })
  grid(@Root() dispute: Dispute, @Ctx() ctx: SubgraphContext): Promise<Grid | null> | null {
    return dispute.gridId ? entityLoader(ctx, Grid, 'id').load(dispute.gridId) : null;
  }

  @FieldResolver(() => MediationOrganization, {
    nullable: true,
    description: '调解组织 — the organisation that took it on',
  })
  organization(
    @Root() dispute: Dispute,
    @Ctx() ctx: SubgraphContext,
  ): Promise<MediationOrganization | null> | null {
    return dispute.organizationId
      ? entityLoader(ctx, MediationOrganization, 'id').load(dispute.organizationId)
      : null;
  }

  @FieldResolver(() => PersonRef, { nullable: true, description: '调解员 — the mediator' })
  mediator(@Root() dispute: Dispute): PersonRef | null {
    return personRef(dispute.mediatorId);
  }

  @FieldResolver(() => Float, { nullable: true, description: '争议金额 — amount at stake, yuan' })
  amount(@Root() dispute: Dispute): number | null {
    return dispute.amount === null ? null : Number(dispute.amount);
  }

  @FieldResolver(() => String, {
    description: `当事人 — the parties, as recorded; personal data: ${MASKED_FOR}`,
  })
  async parties(@Root() dispute: Dispute, @Ctx() ctx: SubgraphContext): Promise<string> {
    return (await seesDisputeParties(ctx, dispute.regionCode)) ? dispute.parties : MASKED;
  }

  // free text that names the parties (and often their village, kin and sums), which no rule can scrub
  // reliably; kind, channel, amount and status say what the dispute is about to everyone else
  @FieldResolver(() => String, {
    description: `纠纷简况 — what the dispute is about; personal data (it names the parties): ${MASKED_FOR}`,
  })
  async summary(@Root() dispute: Dispute, @Ctx() ctx: SubgraphContext): Promise<string> {
    return (await seesDisputeParties(ctx, dispute.regionCode)) ? dispute.summary : MASKED;
  }

  @FieldResolver(() => Boolean, {
    description:
      '已隐去 — true when parties, summary and the notes of steps and visits are masked for this caller',
  })
  async personalDataMasked(@Root() dispute: Dispute, @Ctx() ctx: SubgraphContext): Promise<boolean> {
    return !(await seesDisputeParties(ctx, dispute.regionCode));
  }

  @FieldResolver(() => [DisputeStep], {
    // the personal data is the note (DisputeStep.note): the steps without it may be shared and cached
    description: '办理过程 — every recorded step, in order; each note is masked like the summary',
  })
  async steps(@Root() dispute: Dispute, @Ctx() ctx: SubgraphContext): Promise<DisputeStep[]> {
    const [steps, sees] = await Promise.all([
      entityGroupLoader(ctx, DisputeStep, 'disputeId', { sequence: 'asc' }).load(dispute.id),
      seesDisputeParties(ctx, dispute.regionCode),
    ]);
    return sees ? steps : steps.map(withNoteMasked);
  }

  @FieldResolver(() => [ReturnVisit], {
    description: '督查回访 — return visits, in order; each note is masked like the summary',
  })
  async returnVisits(@Root() dispute: Dispute, @Ctx() ctx: SubgraphContext): Promise<ReturnVisit[]> {
    const [visits, sees] = await Promise.all([
      entityGroupLoader(ctx, ReturnVisit, 'disputeId', { visitedAt: 'asc' }).load(dispute.id),
      seesDisputeParties(ctx, dispute.regionCode),
    ]);
    return sees ? visits : visits.map(withNoteMasked);
  }

  @FieldResolver(() => JointHandling, {
    nullable: true,
    description: '联席会办 — the joint meeting on it, once the county centre has convened one',
  })
  jointHandling(@Root() dispute: Dispute, @Ctx() ctx: SubgraphContext): Promise<JointHandling | null> {
    return entityLoader(ctx, JointHandling, 'disputeId').load(dispute.id);
  }
}
