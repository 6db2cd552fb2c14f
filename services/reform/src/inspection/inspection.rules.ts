import { z } from 'zod';
import { dateOrIsoRule, regionCodeRule, textRule, uuidRule, yearRule } from '@county/domain';

export const recordInspectionRule = z.object({
  title: textRule(300),
  inspectedOn: dateOrIsoRule,
  inspectorOrganizationIds: z.array(uuidRule).min(1, { message: 'name who inspected' }).max(20),
  inspectors: textRule(1000).nullish(),
  regionCodes: z.array(regionCodeRule).min(1, { message: 'name where it was' }).max(50),
  inspectedOrganizationIds: z.array(uuidRule).min(1, { message: 'name who was inspected' }).max(50),
  taskIds: z.array(uuidRule).max(50),
  findings: textRule(8000),
});

export const inspectionsArgsRule = z.object({
  year: yearRule.nullish(),
  regionCode: regionCodeRule.nullish(),
});
