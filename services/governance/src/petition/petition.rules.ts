import { z } from 'zod';
import { RegionLevel, textRule, uuidRule } from '@county/domain';
import { badInput, SOME_VALUE_MESSAGE } from '@county/kit';
import { GovernanceLevel } from '../vocabulary';
import { anyRegionCode, pastMoment, regionCodeOf } from '../field-rules';
import {
  PetitionChannel,
  PetitionEscalation,
  PetitionResult,
  PetitionReviewOutcome,
  PetitionSatisfaction,
  PetitionStatus,
} from './petition-vocabulary';
import type { Petition } from './petition.entity';

/** 集体访 — five or more people on one matter (the regulation has them choose at most five representatives). */
export const GROUP_PETITION_MIN = 5;

const version = z.number().int().min(1);

export const registerPetitionRule = z.object({
  channel: z.enum(PetitionChannel),
  receivedAt: pastMoment,
  regionCode: regionCodeOf(RegionLevel.COUNTY, RegionLevel.TOWNSHIP, RegionLevel.VILLAGE),
  petitioners: textRule(500),
  petitionerCount: z.number().int().min(1).max(10000),
  subject: textRule(2000),
  escalatedTo: z.enum(PetitionEscalation).nullish(),
  repeatOfId: uuidRule.nullish(),
  disputeId: uuidRule.nullish(),
});

export const acceptPetitionRule = z.object({
  at: pastMoment,
  handlingOrganizationId: uuidRule,
  handlingLevel: z.enum(GovernanceLevel),
  version,
});

export const declinePetitionRule = z.object({ at: pastMoment, reason: textRule(500), version });

export const assignPetitionRule = z.object({
  organizationId: uuidRule,
  level: z.enum(GovernanceLevel),
  version,
});

export const extendPetitionRule = z.object({
  days: z.number().int().min(1).max(90),
  reason: textRule(500),
  version,
});

export const replyPetitionRule = z.object({
  at: pastMoment,
  result: z.enum(PetitionResult),
  reply: textRule(4000),
  version,
});

export const requestReviewRule = z.object({ at: pastMoment, version });

export const reviewRule = z.object({
  at: pastMoment,
  outcome: z.enum(PetitionReviewOutcome),
  opinion: textRule(4000),
  version,
});

export const satisfactionRule = z.object({ satisfaction: z.enum(PetitionSatisfaction), version });

export const linkPetitionRule = z
  .object({ repeatOfId: uuidRule.nullish(), disputeId: uuidRule.nullish(), version })
  .refine((link) => link.repeatOfId || link.disputeId, { ...SOME_VALUE_MESSAGE, path: ['repeatOfId'] });

export const petitionsArgsRule = z.object({ regionCode: anyRegionCode.nullish() });

/** The steps of a petition's handling, and the statuses each may follow. */
const STEPS = {
  accept: [PetitionStatus.REGISTERED],
  decline: [PetitionStatus.REGISTERED],
  assign: [PetitionStatus.ACCEPTED],
  extend: [PetitionStatus.ACCEPTED],
  reply: [PetitionStatus.ACCEPTED],
  rate: [PetitionStatus.REPLIED, PetitionStatus.UNDER_REVIEW, PetitionStatus.REVIEWED],
  requestReview: [PetitionStatus.REPLIED],
  review: [PetitionStatus.UNDER_REVIEW],
} as const satisfies Record<string, readonly PetitionStatus[]>;

const HINT: Record<PetitionStatus, string> = {
  REGISTERED: 'it has not been accepted yet (acceptPetition)',
  ACCEPTED: 'it is being handled',
  NOT_ACCEPTED: 'it was not accepted',
  REPLIED: 'it has been replied to',
  UNDER_REVIEW: 'its review is under way',
  REVIEWED: 'it has been reviewed',
};

/** Refuses a step the petition's status does not allow, saying where it stands (rule `transition`). */
export function assertStep(petition: Petition, step: keyof typeof STEPS, field = 'petitionId'): void {
  if (!(STEPS[step] as readonly PetitionStatus[]).includes(petition.status)) {
    throw badInput(
      field,
      'transition',
      `a petition that is ${petition.status} cannot take the step ${step}: ${HINT[petition.status]}; it must be ${STEPS[step].join(' or ')}`,
    );
  }
}

/** Refuses a time before `earlier` (rule `chronological`). */
export function assertNotBefore(at: Date, earlier: Date, field: string, what: string): void {
  if (at < earlier) throw badInput(field, 'chronological', `must not be before ${what}`);
}
