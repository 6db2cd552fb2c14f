import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { chinaDay, uuidRule } from '@county/domain';
import {
  assertCurrentVersion,
  assertSignedIn,
  badInput,
  notFound,
  parseInput,
  type SubgraphContext,
} from '@county/kit';
import { assertPetitionBureau } from './petition-access';
import { deadlineAfter } from './petition-deadlines';
import { checkLinks } from './petition-links';
import { timeLimitsFor } from './petition-time-limits';
import { Petition } from './petition.entity';
import { PetitionStatus } from './petition-vocabulary';
import {
  AcceptPetitionInput,
  AssignPetitionInput,
  DeclinePetitionInput,
  ExtendPetitionInput,
  LinkPetitionInput,
  PetitionReviewInput,
  PetitionSatisfactionInput,
  RegisterPetitionInput,
  RequestPetitionReviewInput,
  ReplyPetitionInput,
} from './petition.args';
import {
  acceptPetitionRule,
  assertNotBefore,
  assertStep,
  assignPetitionRule,
  declinePetitionRule,
  extendPetitionRule,
  linkPetitionRule,
  registerPetitionRule,
  replyPetitionRule,
  requestReviewRule,
  reviewRule,
  satisfactionRule,
} from './petition.rules';

const ROLE = 'the county’s petitions bureau (信访局)';

/**
 * Runs `change` on the petition, locked for the transaction, after the caller's right and the version sent
 * are checked; anything `change` throws leaves the petition as it was.
 */
async function changePetition(
  ctx: SubgraphContext,
  id: string,
  version: number,
  change: (petition: Petition, em: EntityManager) => Promise<void> | void,
): Promise<Petition> {
  return ctx.em.transactional(async (em) => {
    const petition = await em.findOne(Petition, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
    if (!petition) throw notFound('petitionId', `no petition has id ${id}`);
    await assertPetitionBureau(ctx, 'petition.write', petition.regionCode);
    assertCurrentVersion(petition.version, version);
    await change(petition, em);
    return petition;
  });
}

const petitionId = (id: string) => parseInput(uuidRule, id, 'petitionId');

@Resolver(() => Petition)
export class PetitionMutations {
  @Mutation(() => Petition, {
    description: `信访登记 — register a petition; its acceptance deadline follows from the county's time limits; ${ROLE}`,
  })
  async registerPetition(
    @Arg('input') input: RegisterPetitionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Petition> {
    assertSignedIn(ctx);
    const data = parseInput(registerPetitionRule, input, 'input');
    await assertPetitionBureau(ctx, 'petition.write', data.regionCode);
    await ctx.directory.requireExisting('input.regionCode', 'Region', [data.regionCode]);
    await checkLinks(ctx, data, data);
    const limits = await timeLimitsFor(ctx, data.regionCode);
    const acceptBy = deadlineAfter(data.receivedAt, limits.acceptDays, limits.unit, 'input.receivedAt');
    return ctx.em.transactional(async (em) =>
      em.create(Petition, {
        id: crypto.randomUUID(),
        ...data,
        escalatedTo: data.escalatedTo ?? null,
        repeatOfId: data.repeatOfId ?? null,
        disputeId: data.disputeId ?? null,
        status: PetitionStatus.REGISTERED,
        deadlineUnit: limits.unit,
        acceptBy: acceptBy.day,
        calendarProvisional: acceptBy.provisional,
        decidedAt: null,
        notAcceptedReason: null,
        handlingOrganizationId: null,
        handlingLevel: null,
        replyDays: null,
        extensionReason: null,
        replyBy: null,
        repliedAt: null,
        result: null,
        reply: null,
        satisfaction: null,
        reviewRequestedAt: null,
        reviewBy: null,
        reviewedAt: null,
        reviewOutcome: null,
        reviewOpinion: null,
      }),
    );
  }

  @Mutation(() => Petition, {
    description: `受理 — accept a registered petition and name who handles it; its reply deadline starts; ${ROLE}`,
  })
  async acceptPetition(
    @Arg('petitionId', () => ID) id: string,
    @Arg('input') input: AcceptPetitionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Petition> {
    assertSignedIn(ctx);
    petitionId(id);
    const data = parseInput(acceptPetitionRule, input, 'input');
    await ctx.directory.requireExisting('input.handlingOrganizationId', 'Organization', [
      data.handlingOrganizationId,
    ]);
    return changePetition(ctx, id, data.version, async (petition) => {
      assertStep(petition, 'accept');
      assertNotBefore(data.at, petition.receivedAt, 'input.at', 'the petition was received');
      const limits = await timeLimitsFor(ctx, petition.regionCode);
      const replyBy = deadlineAfter(data.at, limits.replyDays, petition.deadlineUnit, 'input.at');
      Object.assign(petition, {
        status: PetitionStatus.ACCEPTED,
        decidedAt: data.at,
        handlingOrganizationId: data.handlingOrganizationId,
        handlingLevel: data.handlingLevel,
        replyDays: limits.replyDays,
        replyBy: replyBy.day,
        calendarProvisional: petition.calendarProvisional || replyBy.provisional,
      });
    });
  }

  @Mutation(() => Petition, {
    description: `不予受理 — decline a registered petition, with the reason; ${ROLE}`,
  })
  async declinePetition(
    @Arg('petitionId', () => ID) id: string,
    @Arg('input') input: DeclinePetitionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Petition> {
    assertSignedIn(ctx);
    petitionId(id);
    const data = parseInput(declinePetitionRule, input, 'input');
    return changePetition(ctx, id, data.version, (petition) => {
      assertStep(petition, 'decline');
      assertNotBefore(data.at, petition.receivedAt, 'input.at', 'the petition was received');
      Object.assign(petition, {
        status: PetitionStatus.NOT_ACCEPTED,
        decidedAt: data.at,
        notAcceptedReason: data.reason,
      });
    });
  }

  @Mutation(() => Petition, {
    description: `交办 — hand an accepted petition to another organisation (its deadline stays); ${ROLE}`,
  })
  async assignPetition(
    @Arg('petitionId', () => ID) id: string,
    @Arg('input') input: AssignPetitionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Petition> {
    assertSignedIn(ctx);
    petitionId(id);
    const data = parseInput(assignPetitionRule, input, 'input');
    await ctx.directory.requireExisting('input.organizationId', 'Organization', [data.organizationId]);
    return changePetition(ctx, id, data.version, (petition) => {
      assertStep(petition, 'assign');
      Object.assign(petition, { handlingOrganizationId: data.organizationId, handlingLevel: data.level });
    });
  }

  @Mutation(() => Petition, {
    description: `延期办理 — extend an accepted petition's reply deadline, in all by at most the county's extension limit; ${ROLE}`,
  })
  async extendPetition(
    @Arg('petitionId', () => ID) id: string,
    @Arg('input') input: ExtendPetitionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Petition> {
    assertSignedIn(ctx);
    petitionId(id);
    const data = parseInput(extendPetitionRule, input, 'input');
    return changePetition(ctx, id, data.version, async (petition) => {
      assertStep(petition, 'extend');
      const limits = await timeLimitsFor(ctx, petition.regionCode);
      const total = petition.extensionDays + data.days;
      if (total > limits.extensionMaxDays) {
        throw badInput(
          'input.days',
          'extension-cap',
          `extensions may total at most ${limits.extensionMaxDays} days (${limits.basis}): ${petition.extensionDays} already granted, ${Math.max(0, limits.extensionMaxDays - petition.extensionDays)} left`,
        );
      }
      const replyBy = deadlineAfter(
        petition.decidedAt!,
        petition.replyDays! + total,
        petition.deadlineUnit,
        'input.days',
      );
      Object.assign(petition, {
        extensionDays: total,
        extensionReason: data.reason,
        replyBy: replyBy.day,
        calendarProvisional: petition.calendarProvisional || replyBy.provisional,
      });
    });
  }

  @Mutation(() => Petition, {
    description: `办结答复 — reply to an accepted petition with the handling opinion; ${ROLE}`,
  })
  async replyPetition(
    @Arg('petitionId', () => ID) id: string,
    @Arg('input') input: ReplyPetitionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Petition> {
    assertSignedIn(ctx);
    petitionId(id);
    const data = parseInput(replyPetitionRule, input, 'input');
    return changePetition(ctx, id, data.version, (petition) => {
      assertStep(petition, 'reply');
      assertNotBefore(data.at, petition.decidedAt!, 'input.at', 'the petition was accepted');
      Object.assign(petition, {
        status: PetitionStatus.REPLIED,
        repliedAt: data.at,
        result: data.result,
        reply: data.reply,
      });
    });
  }

  @Mutation(() => Petition, {
    description: `复查请求 — the petitioner asks for a review of the reply, within the county's review request limit; the review's deadline starts; ${ROLE}`,
  })
  async requestPetitionReview(
    @Arg('petitionId', () => ID) id: string,
    @Arg('input') input: RequestPetitionReviewInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Petition> {
    assertSignedIn(ctx);
    petitionId(id);
    const data = parseInput(requestReviewRule, input, 'input');
    return changePetition(ctx, id, data.version, async (petition) => {
      assertStep(petition, 'requestReview');
      assertNotBefore(data.at, petition.repliedAt!, 'input.at', 'the reply');
      const limits = await timeLimitsFor(ctx, petition.regionCode);
      const window = deadlineAfter(
        petition.repliedAt!,
        limits.reviewRequestDays,
        petition.deadlineUnit,
        'input.at',
      );
      if (chinaDay(data.at) > window.day)
        throw badInput(
          'input.at',
          'review-window',
          `a review must be asked for within ${limits.reviewRequestDays} days of the reply, by ${window.day}`,
        );
      const reviewBy = deadlineAfter(data.at, limits.reviewDays, petition.deadlineUnit, 'input.at');
      Object.assign(petition, {
        status: PetitionStatus.UNDER_REVIEW,
        reviewRequestedAt: data.at,
        reviewBy: reviewBy.day,
        calendarProvisional: petition.calendarProvisional || window.provisional || reviewBy.provisional,
      });
    });
  }

  @Mutation(() => Petition, {
    description: `复查意见 — record the review's opinion (upheld or revised); ${ROLE}`,
  })
  async recordPetitionReview(
    @Arg('petitionId', () => ID) id: string,
    @Arg('input') input: PetitionReviewInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Petition> {
    assertSignedIn(ctx);
    petitionId(id);
    const data = parseInput(reviewRule, input, 'input');
    return changePetition(ctx, id, data.version, (petition) => {
      assertStep(petition, 'review');
      assertNotBefore(data.at, petition.reviewRequestedAt!, 'input.at', 'the review was asked for');
      Object.assign(petition, {
        status: PetitionStatus.REVIEWED,
        reviewedAt: data.at,
        reviewOutcome: data.outcome,
        reviewOpinion: data.opinion,
      });
    });
  }

  @Mutation(() => Petition, {
    description: `满意度评价 — record the petitioner's rating of the reply, once; ${ROLE}`,
  })
  async recordPetitionSatisfaction(
    @Arg('petitionId', () => ID) id: string,
    @Arg('input') input: PetitionSatisfactionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Petition> {
    assertSignedIn(ctx);
    petitionId(id);
    const data = parseInput(satisfactionRule, input, 'input');
    return changePetition(ctx, id, data.version, (petition) => {
      assertStep(petition, 'rate');
      if (petition.satisfaction)
        throw badInput('input.satisfaction', 'once', `was recorded already: ${petition.satisfaction}`);
      petition.satisfaction = data.satisfaction;
    });
  }

  @Mutation(() => Petition, {
    description: `重复访 / 关联纠纷 — mark a petition as repeating an earlier one, or link the dispute it came from or was taken up as; ${ROLE}`,
  })
  async linkPetition(
    @Arg('petitionId', () => ID) id: string,
    @Arg('input') input: LinkPetitionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Petition> {
    assertSignedIn(ctx);
    petitionId(id);
    const data = parseInput(linkPetitionRule, input, 'input');
    return changePetition(ctx, id, data.version, async (petition) => {
      await checkLinks(ctx, petition, data);
      if (data.repeatOfId) petition.repeatOfId = data.repeatOfId;
      if (data.disputeId) petition.disputeId = data.disputeId;
    });
  }
}
