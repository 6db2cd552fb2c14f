import { authorize, type SubgraphContext } from '@county/kit';

/** Pilots, leads, stage moves and evaluations are the reform office's (改革办) to write. */
export const REFORM_OFFICE = ['reform-office'];

export function requireReformOffice(ctx: SubgraphContext): void {
  authorize(ctx, REFORM_OFFICE, ctx.identity.has('reform-office'));
}

/** A pilot's monthly ledger is written by its lead organisation only. */
export function requireLeadOrganization(ctx: SubgraphContext, leadOrganizationId: string): void {
  authorize(ctx, [`department:${leadOrganizationId}`], ctx.identity.departments.includes(leadOrganizationId));
}
