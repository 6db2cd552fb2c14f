import { z } from 'zod';
import { hasSomeValue, ruleIssue, SOME_VALUE_MESSAGE, updateRule } from '@county/kit';
import { dateOrIsoRule, regionCodeRule, textRule, uuidRule, yearRule } from '@county/domain';
import { TaskSource, TaskStatus } from '../vocabulary';

const plannedOrder = (
  input: { plannedStart?: string | null; plannedEnd?: string | null },
  ctx: z.RefinementCtx,
) => {
  if (input.plannedStart && input.plannedEnd && input.plannedEnd < input.plannedStart) {
    ctx.addIssue({ ...ruleIssue('order', 'must not be before plannedStart'), path: ['plannedEnd'] });
  }
};

const leadNotCooperating = (
  input: { leadOrganizationId?: string | null; cooperatingOrganizationIds?: string[] | null },
  ctx: z.RefinementCtx,
) => {
  if (input.leadOrganizationId && input.cooperatingOrganizationIds?.includes(input.leadOrganizationId)) {
    ctx.addIssue({
      ...ruleIssue('distinct', 'the lead organisation cannot also cooperate'),
      path: ['cooperatingOrganizationIds'],
    });
  }
};

const fields = {
  title: textRule(300),
  goal: textRule(2000),
  specialGroupId: uuidRule,
  leadOrganizationId: uuidRule,
  cooperatingOrganizationIds: z.array(uuidRule).max(30),
  regionCode: regionCodeRule,
  leaderId: uuidRule.nullish(),
  keyTask: z.boolean(),
  plannedStart: dateOrIsoRule,
  plannedEnd: dateOrIsoRule,
  weight: z.number().positive().max(100).nullish(),
};

export const createTaskRule = z
  .object({
    ...fields,
    code: z.string().regex(/^[0-9A-Za-z-]{1,40}$/, { message: 'must be 1–40 letters, digits or dashes' }),
    year: yearRule,
    workPointId: uuidRule.nullish(),
    parentId: uuidRule.nullish(),
    source: z.enum(TaskSource),
  })
  .superRefine(plannedOrder)
  .superRefine(leadNotCooperating);

/** Only the leader (`leaderId`, nullish in `fields`) may be cleared with null: the task requires the rest. */
export const updateTaskRule = updateRule(
  z.object({
    ...z.object(fields).partial().shape,
    version: z.number().int().min(1),
    weight: z.number().positive().max(100).optional(),
    status: z.enum(TaskStatus).optional(),
  }),
)
  .superRefine((input, ctx) => {
    if (input.status === TaskStatus.CLOSED) {
      ctx.addIssue({
        ...ruleIssue('close-by-verification', 'close a task with closeReformTask, after verification'),
        path: ['status'],
      });
    }
  })
  .superRefine(plannedOrder)
  .superRefine(leadNotCooperating)
  .refine(({ version: _version, ...changes }) => hasSomeValue(changes), SOME_VALUE_MESSAGE);

export const milestonesRule = z
  .array(
    z.object({
      id: uuidRule.nullish(),
      title: textRule(300),
      plannedDate: dateOrIsoRule,
      share: z.number().gt(0, { message: 'must be more than 0' }).max(100),
      completedOn: dateOrIsoRule.nullish(),
    }),
  )
  .max(24)
  .superRefine((milestones, ctx) => {
    const total = milestones.reduce((sum, m) => sum + m.share, 0);
    if (total > 100 + 1e-9) {
      ctx.addIssue(ruleIssue('share-total', `the shares total ${total}%, more than 100%`));
    }
    milestones.forEach((m, i) => {
      if (m.id && milestones.findIndex((other) => other.id === m.id) !== i)
        ctx.addIssue({ ...ruleIssue('distinct', 'names a milestone twice'), path: [i, 'id'] });
    });
  });

export const tasksArgsRule = z.object({
  year: yearRule.nullish(),
  specialGroupId: uuidRule.nullish(),
  leadOrganizationId: uuidRule.nullish(),
  cooperatingOrganizationId: uuidRule.nullish(),
  leaderId: uuidRule.nullish(),
  parentId: uuidRule.nullish(),
  regionCode: regionCodeRule.nullish(),
  search: z.string().max(100).nullish(),
});
