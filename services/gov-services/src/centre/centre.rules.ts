import { z } from 'zod';
import { hasSomeValue, ruleIssue, SOME_VALUE_MESSAGE, updateRule } from '@county/kit';
import { chinaDay, dateScalarRule, regionCodeRule, textRule, uuidRule } from '@county/domain';
import { staffPhoneRule } from '../field-rules';

const versionRule = z.number().int().min(1);

/** A centre lies in a county, township or village (not a city). */
const centreRegionRule = regionCodeRule.refine((code) => code.length > 6 || !code.endsWith('00'), {
  message: 'must be a county, township or village code',
  params: { rule: 'level' },
});

export const createCentreRule = z.object({
  organizationId: uuidRule,
  regionCode: centreRegionRule,
  name: textRule(200),
});

/** A centre requires both: null clears neither. */
export const updateCentreRule = updateRule(
  z.object({ version: versionRule, organizationId: uuidRule.optional(), name: textRule(200).optional() }),
).refine(({ version: _, ...changes }) => hasSomeValue(changes), SOME_VALUE_MESSAGE);

const windowNumberRule = z
  .string()
  .regex(/^[0-9A-Za-z-]{1,20}$/, { message: 'must be 1–20 letters, digits or hyphens, e.g. A01' });

export const createWindowRule = z.object({
  centreId: uuidRule,
  number: windowNumberRule,
  name: textRule(100),
});

export const updateWindowRule = updateRule(
  z.object({ version: versionRule, number: windowNumberRule.optional(), name: textRule(100).optional() }),
).refine(({ version: _, ...changes }) => hasSomeValue(changes), SOME_VALUE_MESSAGE);

/** A day on the roster (joining, leaving) has happened: a planned one is entered on the day. */
const rosterDayRule = dateScalarRule.superRefine((day, ctx) => {
  if (day > chinaDay()) ctx.addIssue(ruleIssue('not-future', `must be today (${chinaDay()}) or earlier`));
});

export const createStaffRule = z.object({
  joinedOn: rosterDayRule.nullish(),
  centreId: uuidRule,
  name: textRule(50),
  phone: staffPhoneRule.nullish(),
  post: textRule(100),
  windowId: uuidRule.nullish(),
  backupStaffId: uuidRule.nullish(),
});

/**
 * `windowId`, `backupStaffId` and `phone` sent as null are cleared, and `leftOn` (back on the roster); omitted,
 * they stay; `name` and `post` are required. A null `active` or `joinedOn` keeps it, as it always has.
 */
export const updateStaffRule = updateRule(
  z.object({
    version: versionRule,
    name: textRule(50).optional(),
    phone: staffPhoneRule.nullish(),
    post: textRule(100).optional(),
    windowId: uuidRule.nullish(),
    backupStaffId: uuidRule.nullish(),
    active: z.boolean().nullish(),
    joinedOn: rosterDayRule.nullish(),
    leftOn: rosterDayRule.nullish(),
  }),
)
  .refine(
    ({ version: _, ...changes }) => Object.values(changes).some((value) => value !== undefined),
    SOME_VALUE_MESSAGE,
  )
  .superRefine(({ active, joinedOn, leftOn }, ctx) => {
    // `active` is "no leftOn": both given, they must say the same
    if ((active === true && leftOn) || (active === false && leftOn === null))
      ctx.addIssue({
        ...ruleIssue('consistent', 'contradicts `leftOn`: give one of them'),
        path: ['active'],
      });
    if (joinedOn && leftOn && leftOn < joinedOn)
      ctx.addIssue({ ...ruleIssue('not-before-joined', 'must not be before `joinedOn`'), path: ['leftOn'] });
  });
