import { z } from 'zod';
import { hasSomeValue, ruleIssue, SOME_VALUE_MESSAGE, updateRule } from '@county/kit';
import { dateOrIsoRule, regionCodeRule, textRule, uuidRule } from '@county/domain';
import { ProblemAccount, ProblemStatus } from '../vocabulary';

const notResolved = z.enum(ProblemStatus).refine((status) => status !== ProblemStatus.RESOLVED, {
  message: 'close a problem with closeProblem',
  params: { rule: 'close-with-closeProblem' },
});

const deadlineAfterFound = (
  input: { foundOn?: string | null; deadline?: string | null },
  ctx: z.RefinementCtx,
) => {
  if (input.foundOn && input.deadline && input.deadline < input.foundOn)
    ctx.addIssue({ ...ruleIssue('order', 'must not be before foundOn'), path: ['deadline'] });
};

const fields = {
  description: textRule(2000),
  regionCode: regionCodeRule,
  foundOn: dateOrIsoRule,
  deadline: dateOrIsoRule.nullish(),
  taskIds: z.array(uuidRule).max(20),
};

/** Who found it follows the account: a county leader on the leader account, an organisation on the others. */
export const createProblemRule = z
  .object({
    ...fields,
    account: z.enum(ProblemAccount),
    foundByPersonId: uuidRule.nullish(),
    foundByOrganizationId: uuidRule.nullish(),
    status: notResolved,
  })
  .superRefine(deadlineAfterFound)
  .superRefine((input, ctx) => {
    const leader = input.account === ProblemAccount.LEADER;
    if (leader && !input.foundByPersonId)
      ctx.addIssue({
        ...ruleIssue('required', 'the leader account names the county leader who found it'),
        path: ['foundByPersonId'],
      });
    if (!leader && !input.foundByOrganizationId)
      ctx.addIssue({
        ...ruleIssue('required', `the ${input.account} account names the organisation that found it`),
        path: ['foundByOrganizationId'],
      });
    if (!leader && input.foundByPersonId)
      ctx.addIssue({
        ...ruleIssue('account', 'only the leader account names a person'),
        path: ['foundByPersonId'],
      });
  });

/** Only the deadline (nullish in `fields`) may be cleared with null: the problem requires the rest. */
export const updateProblemRule = updateRule(
  z.object({
    ...z.object(fields).partial().shape,
    version: z.number().int().min(1),
    status: notResolved.optional(),
  }),
)
  .superRefine(deadlineAfterFound)
  .refine(({ version: _version, ...changes }) => hasSomeValue(changes), SOME_VALUE_MESSAGE);
