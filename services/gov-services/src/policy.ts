import { authorize, type SubgraphContext } from '@county/kit';
import type { ServiceCentre } from './centre/centre.entity';

/** Who may write a centre's cases: its own organisation's staff, or the township it lies in. */
export function authorizeCentreStaff(ctx: SubgraphContext, centre: ServiceCentre): void {
  authorize(
    ctx,
    [`department:${centre.organizationId}`, 'township:<code of its township>'],
    ctx.identity.departments.includes(centre.organizationId) || ctx.identity.coversRegion(centre.regionCode),
  );
}

/**
 * Who may write a county's item catalogue: the bureau, i.e. the organisation running the county-level
 * service centre (行政审批局/政务服务中心) of that county.
 */
export function authorizeBureau(ctx: SubgraphContext, countyCentre: ServiceCentre | undefined): void {
  authorize(
    ctx,
    [countyCentre ? `department:${countyCentre.organizationId}` : 'department:<the county service centre>'],
    !!countyCentre && ctx.identity.departments.includes(countyCentre.organizationId),
  );
}
