import { z } from 'zod';
import { OrganizationType, regionCodeRule, textRule, uuidRule } from '@county/domain';
import { givenValues, hasSomeValue, ruleIssue, SOME_VALUE_MESSAGE } from '@county/kit';
import { creditCodeRule } from '../field-rules';

/** Village bodies often have no credit code of their own; everyone else must have one. */
const MAY_LACK_CREDIT_CODE = new Set<OrganizationType>([
  OrganizationType.VILLAGE_COMMITTEE,
  OrganizationType.COMMUNITY_COMMITTEE,
  OrganizationType.MEDIATION_COMMITTEE,
]);

const fields = {
  name: textRule(200),
  type: z.enum(OrganizationType),
  regionCode: regionCodeRule,
  parentId: uuidRule.nullish(),
  creditCode: creditCodeRule.nullish(),
};

export const createOrganizationRule = z.object(fields).superRefine((input, ctx) => {
  if (!input.creditCode && !MAY_LACK_CREDIT_CODE.has(input.type)) {
    ctx.addIssue({ ...ruleIssue('required', `is required for a ${input.type}`), path: ['creditCode'] });
  }
});

export const updateOrganizationRule = z
  .object({ ...fields, leaderId: uuidRule.nullish() })
  .partial()
  // a null is not yet a clear here: people's updates keep the rule they had (see givenValues)
  .refine((changes) => hasSomeValue(givenValues(changes)), SOME_VALUE_MESSAGE);

export const organizationsArgsRule = z.object({
  regionCode: regionCodeRule.nullish(),
  parentId: uuidRule.nullish(),
  name: z.string().max(200).nullish(),
});
