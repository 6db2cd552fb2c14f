import { z } from 'zod';
import { OrganizationType, regionCodeRule, textRule, uuidRule } from '@county/domain';
import { hasSomeValue, ruleIssue, SOME_VALUE_MESSAGE, updateRule } from '@county/kit';
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

const creditCodeRequired = (
  input: { type: OrganizationType; creditCode?: string | null },
  ctx: z.RefinementCtx,
) => {
  if (!input.creditCode && !MAY_LACK_CREDIT_CODE.has(input.type)) {
    ctx.addIssue({ ...ruleIssue('required', `is required for a ${input.type}`), path: ['creditCode'] });
  }
};

export const createOrganizationRule = z.object(fields).superRefine(creditCodeRequired);

/** Parent, credit code and leader may be cleared with null; an organisation requires the rest. */
export const updateOrganizationRule = updateRule(
  z.object({ ...fields, leaderId: uuidRule.nullish() }).partial(),
).refine(hasSomeValue, SOME_VALUE_MESSAGE);

/** The type and credit code after an update, checked together (a cleared code must be one it may lack). */
export const organizationCodeRule = z
  .object({ type: fields.type, creditCode: fields.creditCode })
  .superRefine(creditCodeRequired);

export const organizationsArgsRule = z.object({
  regionCode: regionCodeRule.nullish(),
  parentId: uuidRule.nullish(),
  name: z.string().max(200).nullish(),
});
