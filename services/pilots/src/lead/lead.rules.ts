import { z } from 'zod';
import { regionCodeRule, textRule, uuidRule } from '@county/domain';
import { LeadStatus, PilotLevel } from '../vocabulary';
import { pastDateRule, pilotYearRule, versionRule } from '../field-rules';

/** Leads come from above: the central and provincial levels plan pilots, never the city itself. */
const leadLevel = z.enum([PilotLevel.NATIONAL, PilotLevel.PROVINCIAL], {
  message: 'a pilot lead is NATIONAL or PROVINCIAL',
});

export const createPilotLeadRule = z.object({
  name: textRule(200),
  level: leadLevel,
  plannedBy: textRule(100),
  organizationId: uuidRule,
  issuedOn: pastDateRule,
});

export const setPilotLeadStatusRule = z.object({ version: versionRule, status: z.enum(LeadStatus) });

export const pilotLeadsArgsRule = z.object({
  regionCode: regionCodeRule.nullish(),
  organizationId: uuidRule.nullish(),
  issuedYear: pilotYearRule.nullish(),
});

/** Where a lead may go next: forward only, one step at a time (a lead may be given up before pursuit). */
export const LEAD_NEXT: Record<LeadStatus, readonly LeadStatus[]> = {
  [LeadStatus.ASSIGNED]: [LeadStatus.PURSUING, LeadStatus.NOT_WON],
  [LeadStatus.PURSUING]: [LeadStatus.WON, LeadStatus.NOT_WON],
  [LeadStatus.WON]: [],
  [LeadStatus.NOT_WON]: [],
};

/** How far along each status is, to tell a step back from a skip. */
export const LEAD_STEP: Record<LeadStatus, number> = {
  [LeadStatus.ASSIGNED]: 0,
  [LeadStatus.PURSUING]: 1,
  [LeadStatus.WON]: 2,
  [LeadStatus.NOT_WON]: 2,
};
