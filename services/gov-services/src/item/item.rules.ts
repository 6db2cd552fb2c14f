import { z } from 'zod';
import { hasSomeValue, ruleIssue, SOME_VALUE_MESSAGE, updateRule } from '@county/kit';
import { chinaDay, dateScalarRule, textRule, uuidRule } from '@county/domain';
import { ItemKind, ProcessingKind, ServiceLevel, VisitRequirement } from '../vocabulary';
import { countyCodeRule } from '../field-rules';
import { checkMovedDown, movedDownFields } from './moved-down';

export const serviceItemsArgsRule = z.object({
  regionCode: countyCodeRule.nullish(),
  name: z.string().max(200).nullish(),
});

const limit = z.number().int().min(0).max(365);
const versionRule = z.number().int().min(1);

/** The attributes a version of an item holds (a change may move any of them). */
const attributes = {
  name: textRule(200),
  kind: z.enum(ItemKind),
  responsibleOrganizationId: uuidRule,
  levels: z.array(z.enum(ServiceLevel)).min(1),
  statutoryLimit: limit,
  committedLimit: limit,
  processing: z.enum(ProcessingKind),
  visitRequirement: z.enum(VisitRequirement),
  maxVisits: z.number().int().min(0).max(5),
  onlineCapable: z.boolean(),
  highFrequency: z.boolean(),
  delegated: z.boolean(),
  crossRegionPartners: z.array(countyCodeRule).max(50),
  targetDays: limit.nullish(),
  maxExtensionDays: limit.nullish(),
};

type Attributes = z.infer<z.ZodObject<typeof attributes>>;

/** Rules across fields, for a new item and for the item a change would make. */
function checkAttributes(input: Attributes, ctx: z.RefinementCtx): void {
  // 即办件: decided on the spot when the application is accepted (行政许可法 第三十四条), so nothing is
  // promised in working days; the statutory limit stays what the law grants (see the README)
  if (input.processing === ProcessingKind.ON_THE_SPOT && input.committedLimit > 0)
    ctx.addIssue({
      ...ruleIssue(
        'on-the-spot',
        'an on-the-spot item (即办件) is decided at once: its committed limit is 0',
      ),
      path: ['committedLimit'],
    });
  if (input.committedLimit > input.statutoryLimit)
    ctx.addIssue({
      ...ruleIssue('committed-limit', 'the committed limit cannot exceed the statutory one'),
      path: ['committedLimit'],
    });
  if (input.visitRequirement !== VisitRequirement.ONE_VISIT && input.maxVisits > 0)
    ctx.addIssue({ ...ruleIssue('visits', 'a no-visit item needs 0 visits'), path: ['maxVisits'] });
  if (input.visitRequirement === VisitRequirement.FULLY_ONLINE && !input.onlineCapable)
    ctx.addIssue({
      ...ruleIssue('online', 'a fully online item is online-capable'),
      path: ['onlineCapable'],
    });
}

export const createServiceItemRule = z
  .object({
    regionCode: countyCodeRule,
    code: z.string().regex(/^[0-9A-Z-]{8,40}$/, { message: 'must be 8–40 digits, capitals or hyphens' }),
    ...attributes,
    effectiveFrom: dateScalarRule.nullish(),
    ...movedDownFields,
  })
  .superRefine(checkAttributes)
  .superRefine(checkMovedDown);

/** The item a change makes (its newest version with the change applied), checked as a new one would be. */
export const itemVersionRule = z.object(attributes).superRefine(checkAttributes);

/** A change or retirement takes effect today or later: cases already received keep their version. */
const fromTodayOn = dateScalarRule.superRefine((day, ctx) => {
  if (day < chinaDay())
    ctx.addIssue(
      ruleIssue('not-past', `must be today (${chinaDay()}) or later: received cases keep their version`),
    );
});

/** Null clears `targetDays` or `maxExtensionDays` (nullish in `attributes`); a version requires the rest. */
export const updateServiceItemRule = updateRule(
  z.object({
    version: versionRule,
    effectiveFrom: fromTodayOn,
    ...Object.fromEntries(Object.entries(attributes).map(([key, rule]) => [key, rule.optional()])),
  } as { version: typeof versionRule; effectiveFrom: typeof fromTodayOn } & {
    [K in keyof typeof attributes]: z.ZodOptional<(typeof attributes)[K]>;
  }),
).refine(({ version: _v, effectiveFrom: _e, ...changes }) => hasSomeValue(changes), SOME_VALUE_MESSAGE);

export const retireServiceItemRule = z.object({ version: versionRule, retiredFrom: fromTodayOn });

/** 事项下沉: checked against the item as it stands (see `movedDownIssue`). */
export const moveServiceItemDownRule = z.object({ version: versionRule, ...movedDownFields });
