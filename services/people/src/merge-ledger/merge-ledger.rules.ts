import { z } from 'zod';
import { chinaDay, dateOrIsoRule, regionCodeRule, textRule } from '@county/domain';
import { hasSomeValue, ruleIssue, SOME_VALUE_MESSAGE, updateRule } from '@county/kit';
import { DisposalMethod, FacilityKind, FacilityOutcome, IdleAssetKind } from './vocabulary';

/** Yuan and square metres as the ledgers keep them: at most two decimals. */
const twoDecimals = (max: number) =>
  z
    .number()
    .min(0)
    .max(max)
    .refine((value) => Math.abs(value * 100 - Math.round(value * 100)) < 1e-6, {
      message: 'must have at most 2 decimals',
      params: { rule: 'cents' },
    });

const notFuture = (day: string, ctx: z.RefinementCtx, path: string) => {
  if (day > chinaDay()) ctx.addIssue({ ...ruleIssue('not-future', 'must not be after today'), path: [path] });
};

const assetFields = {
  kind: z.enum(IdleAssetKind),
  name: textRule(200),
  area: twoDecimals(10_000_000).refine((area) => area > 0, {
    message: 'must be more than 0',
    params: { rule: 'positive' },
  }),
  bookValue: twoDecimals(1_000_000_000_000),
  disposal: z.enum(DisposalMethod).nullish(),
  disposedOn: dateOrIsoRule.nullish(),
  proceeds: twoDecimals(1_000_000_000_000).nullish(),
  disposedTo: textRule(200).nullish(),
};

type Asset = z.infer<z.ZodObject<typeof assetFields>>;

/** A disposal is its method and date together; what it brought and who took it depend on the method. */
function disposalRules(asset: Asset, ctx: z.RefinementCtx): void {
  const issue = (path: keyof Asset, rule: string, message: string) =>
    ctx.addIssue({ ...ruleIssue(rule, message), path: [path] });
  if (!asset.disposal) {
    if (asset.disposedOn) issue('disposal', 'required', 'a disposal date needs its method');
    if (asset.proceeds != null) issue('proceeds', 'disposed-first', 'an idle asset has no proceeds yet');
    if (asset.disposedTo) issue('disposedTo', 'disposed-first', 'an idle asset has no taker yet');
    return;
  }
  if (!asset.disposedOn) issue('disposedOn', 'required', 'a disposal needs its date');
  else notFuture(asset.disposedOn, ctx, 'disposedOn');
  const unpaid = asset.disposal === DisposalMethod.REUSE || asset.disposal === DisposalMethod.TRANSFER;
  if (unpaid && asset.proceeds)
    issue('proceeds', 'no-proceeds', 'reuse (调剂使用) and transfer (划转) bring no proceeds');
  if (unpaid && !asset.disposedTo)
    issue('disposedTo', 'required', 'name who took it over or what it is used as now');
  if (asset.disposal === DisposalMethod.AUCTION && asset.proceeds == null)
    issue('proceeds', 'required', 'an auction’s price is its proceeds');
}

const succession = { predecessorCode: regionCodeRule, successorCode: regionCodeRule };

export const recordIdleAssetRule = z.object({ ...succession, ...assetFields }).superRefine(disposalRules);

/** The asset after the changes, checked as a whole (a new method may want a date it lacks). */
export const idleAssetRule = z.object(assetFields).superRefine(disposalRules);

/** The disposal's fields may be cleared with null (checked together on the asset as it would be). */
export const idleAssetChangesRule = updateRule(z.object(assetFields).partial()).refine(
  hasSomeValue,
  SOME_VALUE_MESSAGE,
);

const facilityFields = {
  kind: z.enum(FacilityKind),
  name: textRule(200),
  outcome: z.enum(FacilityOutcome),
  became: textRule(200).nullish(),
  restructuredOn: dateOrIsoRule,
};

type Facility = z.infer<z.ZodObject<typeof facilityFields>>;

function facilityRules(facility: Facility, ctx: z.RefinementCtx): void {
  if (facility.outcome !== FacilityOutcome.KEPT && !facility.became)
    ctx.addIssue({
      ...ruleIssue('required', 'name the facility it merged into or what it became'),
      path: ['became'],
    });
  notFuture(facility.restructuredOn, ctx, 'restructuredOn');
}

export const recordFacilityRule = z.object({ ...succession, ...facilityFields }).superRefine(facilityRules);

export const facilityRule = z.object(facilityFields).superRefine(facilityRules);

/** Only `became` may be cleared with null, and only for a facility kept as it was (see facilityRules). */
export const facilityChangesRule = updateRule(z.object(facilityFields).partial()).refine(
  hasSomeValue,
  SOME_VALUE_MESSAGE,
);

export const mergeLedgerArgsRule = z.object({ regionCode: regionCodeRule });
