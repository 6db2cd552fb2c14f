import { z } from 'zod';
import { hasSomeValue, SOME_VALUE_MESSAGE, updateRule } from '@county/kit';
import { dateScalarRule, regionCodeRule, textRule, uuidRule } from '@county/domain';
import { OutcomeForm, PilotField, PilotLevel, PilotStage } from '../vocabulary';
import { pastDateRule, pilotYearRule, versionRule } from '../field-rules';

const MAX_ORGANIZATIONS = 30;
const regionCodesRule = z.array(regionCodeRule).min(1, { message: 'name at least one region' }).max(50);
const participantsRule = z.array(uuidRule).max(MAX_ORGANIZATIONS);

export const createPilotRule = z
  .object({
    name: textRule(200),
    level: z.enum(PilotLevel),
    field: z.enum(PilotField),
    leadOrganizationId: uuidRule,
    participatingOrganizationIds: participantsRule,
    leaderId: uuidRule,
    regionCodes: regionCodesRule,
    startsOn: dateScalarRule.nullish(),
    deadline: dateScalarRule,
    target: textRule(2000),
    outcomeForm: z.enum(OutcomeForm),
    leadId: uuidRule.nullish(),
  })
  .superRefine((input, ctx) => {
    if (input.participatingOrganizationIds.includes(input.leadOrganizationId)) {
      ctx.addIssue({
        code: 'custom',
        message: 'the lead organisation is not also a participant',
        params: { rule: 'not-lead' },
        path: ['participatingOrganizationIds'],
      });
    }
    if (input.startsOn && input.deadline < input.startsOn) {
      ctx.addIssue({
        code: 'custom',
        message: 'must not be before the start',
        params: { rule: 'after-start' },
        path: ['deadline'],
      });
    }
  });

/** Only the approval document number may be cleared with null: a pilot requires the rest. */
export const updatePilotRule = updateRule(
  z.object({
    version: versionRule,
    name: textRule(200).optional(),
    field: z.enum(PilotField).optional(),
    participatingOrganizationIds: participantsRule.optional(),
    leaderId: uuidRule.optional(),
    regionCodes: regionCodesRule.optional(),
    deadline: dateScalarRule.optional(),
    target: textRule(2000).optional(),
    outcomeForm: z.enum(OutcomeForm).optional(),
    approvalDocumentNumber: textRule(100).nullish(),
  }),
).refine(({ version: _, ...changes }) => hasSomeValue(changes), SOME_VALUE_MESSAGE);

export const approvePilotRule = z.object({
  version: versionRule,
  approvingBody: textRule(100),
  approvalDocumentNumber: textRule(100).nullish(),
  approvedOn: pastDateRule,
});

export const startPilotRule = z.object({ version: versionRule, startsOn: dateScalarRule.nullish() });

export const acceptPilotRule = z.object({
  version: versionRule,
  acceptingBody: textRule(100),
  acceptedOn: pastDateRule,
});

export const closePilotRule = z.object({ version: versionRule, closedOn: pastDateRule });

export const pilotsArgsRule = z.object({
  level: z.enum(PilotLevel).nullish(),
  stage: z.enum(PilotStage).nullish(),
  regionCode: regionCodeRule.nullish(),
  approvedYear: pilotYearRule.nullish(),
  leadOrganizationId: uuidRule.nullish(),
  leaderId: uuidRule.nullish(),
  name: z.string().max(200).nullish(),
});
