import { regionCodePrefix } from '@county/domain';
import { authorize, type SubgraphContext } from '@county/kit';
import { GovernanceCentre } from './centre/governance-centre.entity';

/**
 * Who may write. Grid workers and mediators act for their township (`township:<code>`): the grids, disputes,
 * visits and judgements inside it. The comprehensive governance centre acts as its host department
 * (`department:<organisation id>`, listed in `governance_centre`) for its whole county.
 */
export const GOVERNANCE_WRITERS = [
  'township:<code covering the region>',
  'department:<the governance centre of the county>',
];

/** True when `regionCode` is `scope` or lies below it. */
export const isWithin = (regionCode: string, scope: string): boolean =>
  regionCode.startsWith(regionCodePrefix(scope) ?? scope);

/** Refuses the write (UNAUTHENTICATED / FORBIDDEN) unless the caller acts for a region covering `regionCode`. */
export async function authorizeWithin(ctx: SubgraphContext, regionCode: string): Promise<void> {
  authorize(ctx, GOVERNANCE_WRITERS, !ctx.identity.isAnonymous);
  if (ctx.identity.coversRegion(regionCode)) return;
  const departments = ctx.identity.departments;
  const centres = departments.length
    ? await ctx.em.find(GovernanceCentre, { organizationId: { $in: departments } })
    : [];
  authorize(
    ctx,
    GOVERNANCE_WRITERS,
    centres.some((centre) => isWithin(regionCode, centre.regionCode)),
  );
}

/** Anonymous callers may not write at all: checked before any input is read. */
export const requireSignedIn = (ctx: SubgraphContext): void =>
  authorize(ctx, GOVERNANCE_WRITERS, !ctx.identity.isAnonymous);
