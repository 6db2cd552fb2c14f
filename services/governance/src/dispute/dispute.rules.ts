import { z } from 'zod';
import { RegionLevel, textRule, uuidRule } from '@county/domain';
import { badInput, ruleIssue } from '@county/kit';
import {
  AgreementForm,
  DiscoveryChannel,
  DisputeAction,
  DisputeKind,
  DisputeStatus,
  GovernanceLevel,
  MediationOrganizationKind,
  Referral,
  RiskColour,
} from '../vocabulary';
import { anyRegionCode, noteRule, pastMoment, regionCodeOf } from '../field-rules';
import type { MediationOrganization } from '../mediation/mediation-organization.entity';
import type { Dispute } from './dispute.entity';

export const registerDisputeRule = z
  .object({
    kind: z.enum(DisputeKind),
    channel: z.enum(DiscoveryChannel),
    reportedAt: pastMoment,
    regionCode: regionCodeOf(RegionLevel.TOWNSHIP, RegionLevel.VILLAGE).nullish(),
    gridId: uuidRule.nullish(),
    parties: textRule(500),
    partyCount: z.number().int().min(1).max(10000),
    amount: z.number().min(0).max(1e12).nullish(),
    summary: textRule(2000),
    riskColour: z.enum(RiskColour),
    note: noteRule,
  })
  .superRefine((dispute, ctx) => {
    if (!dispute.regionCode && !dispute.gridId) {
      ctx.addIssue({
        ...ruleIssue('required', 'give the region or the grid the dispute arose in'),
        path: ['regionCode'],
      });
    }
  });

export const disputeStepRule = z.object({
  action: z.enum([
    DisputeAction.START_MEDIATION,
    DisputeAction.RESOLVE,
    DisputeAction.FAIL,
    DisputeAction.REFER,
    DisputeAction.CONVENE,
  ]),
  at: pastMoment,
  organizationId: uuidRule.nullish(),
  mediatorId: uuidRule.nullish(),
  resolutionLevel: z.enum(GovernanceLevel).nullish(),
  agreementForm: z.enum(AgreementForm).nullish(),
  referral: z.enum(Referral).nullish(),
  departmentIds: z
    .array(uuidRule)
    .min(1, { message: 'name at least one department taking part' })
    .max(50)
    .refine((ids) => new Set(ids).size === ids.length, {
      message: 'names a department twice',
      params: { rule: 'unique' },
    })
    .nullish(),
  note: noteRule,
});
export type DisputeStepData = z.infer<typeof disputeStepRule>;

export const disputesArgsRule = z.object({
  regionCode: anyRegionCode.nullish(),
  gridId: uuidRule.nullish(),
  organizationId: uuidRule.nullish(),
  mediatorId: uuidRule.nullish(),
});

/** The statuses each step may follow, and the status it leads to. */
const TRANSITIONS: Record<DisputeStepData['action'], { from: DisputeStatus[]; to: DisputeStatus }> = {
  START_MEDIATION: { from: [DisputeStatus.REGISTERED], to: DisputeStatus.MEDIATING },
  // a yellow dispute is often settled on the spot, without a separate start of mediation; a joint meeting
  // ends resolved or not
  RESOLVE: {
    from: [DisputeStatus.REGISTERED, DisputeStatus.MEDIATING, DisputeStatus.CONVENED],
    to: DisputeStatus.RESOLVED,
  },
  FAIL: { from: [DisputeStatus.MEDIATING, DisputeStatus.CONVENED], to: DisputeStatus.FAILED },
  REFER: {
    from: [DisputeStatus.REGISTERED, DisputeStatus.MEDIATING, DisputeStatus.FAILED],
    to: DisputeStatus.REFERRED,
  },
  // only a dispute referred to joint handling (checked in planStep)
  CONVENE: { from: [DisputeStatus.REFERRED], to: DisputeStatus.CONVENED },
};

/** Steps of the county centre's joint handling: convening it, and concluding a convened one. */
export const isJointHandlingStep = (dispute: Dispute, step: DisputeStepData): boolean =>
  step.action === DisputeAction.CONVENE || dispute.status === DisputeStatus.CONVENED;

const required = (field: string, message: string) => badInput(`input.${field}`, 'required', message);

/**
 * The changes a step makes to the dispute, after every rule of the course: allowed transition, in time order,
 * a resolution with its level, organisation and agreement, a referral with its destination.
 */
export function planStep(
  dispute: Dispute,
  lastStepAt: Date,
  step: DisputeStepData,
  organization: MediationOrganization | null,
): Partial<Dispute> {
  const transition = TRANSITIONS[step.action];
  if (!transition.from.includes(dispute.status)) {
    throw badInput(
      'input.action',
      'transition',
      `a ${dispute.status.toLowerCase()} dispute cannot take the step ${step.action}`,
    );
  }
  if (step.at < dispute.reportedAt) {
    throw badInput('input.at', 'after-reported', 'must not be before the dispute was reported');
  }
  if (step.at < lastStepAt) {
    throw badInput('input.at', 'chronological', 'must not be before the previous step');
  }
  if (step.departmentIds && step.action !== DisputeAction.CONVENE) {
    throw badInput(
      'input.departmentIds',
      'convene-only',
      'only a CONVENE step names the departments taking part',
    );
  }
  if (step.action === DisputeAction.CONVENE) planConvening(dispute, step, organization);
  if (dispute.status === DisputeStatus.CONVENED && !step.note) {
    throw required('note', 'the outcome of a joint meeting needs its result (会办意见)');
  }
  const changes: Partial<Dispute> = { status: transition.to };
  if (organization) changes.organizationId = organization.id;
  if (step.mediatorId) changes.mediatorId = step.mediatorId;
  if (step.action === DisputeAction.START_MEDIATION && !organization) {
    throw required('organizationId', 'mediation needs the organisation that takes it on');
  }
  if (step.action === DisputeAction.RESOLVE) {
    if (!step.resolutionLevel)
      throw required('resolutionLevel', 'a resolution needs the level it was reached at');
    if (!organization)
      throw required('organizationId', 'a resolution needs the organisation that reached it');
    if (organization.level !== step.resolutionLevel) {
      throw badInput(
        'input.resolutionLevel',
        'matches-organization',
        `must be ${organization.level}, the level of the organisation that resolved it`,
      );
    }
    if (!step.agreementForm) throw required('agreementForm', 'a resolution is a written or oral agreement');
    Object.assign(changes, {
      resolutionLevel: step.resolutionLevel,
      agreementForm: step.agreementForm,
      resolvedAt: step.at,
    });
  }
  if (step.action === DisputeAction.REFER) {
    if (!step.referral) throw required('referral', 'a referral needs where the dispute goes');
    if (step.referral === Referral.JOINT_HANDLING && dispute.referral === Referral.JOINT_HANDLING) {
      throw badInput('input.referral', 'joint-handling-once', 'the dispute has been through joint handling');
    }
    changes.referral = step.referral;
  }
  return changes;
}

/** A joint meeting: on a dispute referred to joint handling, by the county's joint-handling centre. */
function planConvening(
  dispute: Dispute,
  step: DisputeStepData,
  organization: MediationOrganization | null,
): void {
  if (dispute.referral !== Referral.JOINT_HANDLING) {
    throw badInput(
      'input.action',
      'referred-to-joint-handling',
      `only a dispute referred to JOINT_HANDLING is convened; this one went to ${dispute.referral}`,
    );
  }
  if (!organization || organization.kind !== MediationOrganizationKind.JOINT_HANDLING_CENTRE) {
    throw badInput(
      'input.organizationId',
      'joint-handling-centre',
      'must be the county’s joint-handling centre (JOINT_HANDLING_CENTRE)',
    );
  }
  if (!step.departmentIds)
    throw required('departmentIds', 'a joint meeting needs the departments taking part');
}
