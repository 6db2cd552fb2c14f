import {
  auditPermissions,
  definePermissions,
  mayPerformAction,
  sharedRules,
  type Identity,
  type SubgraphContext,
} from '@county/kit';
import type { ServiceCentre } from './centre/centre.entity';

/** The bureau (行政审批局) of a county: the organisation running its county-level service centre. */
const countyBureau = {
  roles: ['department:<the county service centre>'],
  allowedRoles: (countyCentre: ServiceCentre | undefined) => [
    countyCentre ? `department:${countyCentre.organizationId}` : 'department:<the county service centre>',
  ],
  allows: (identity: Identity, countyCentre: ServiceCentre | undefined) =>
    !!countyCentre && identity.departments.includes(countyCentre.organizationId),
};

/**
 * Who may do what in the gov-services subgraph, the one list: every write and file route checks its action
 * here with `assertPerformAction`, and the README's "Who may do what" table is generated from it.
 */
export const permissions = definePermissions({
  'case.write': {
    what: 'register a received case (收件登记) and append its events, at a centre of its own',
    roles: ["department:<the centre's organisation>", 'township:<its township>'],
    allowedRoles: (centre: ServiceCentre) => [
      `department:${centre.organizationId}`,
      'township:<its township>',
    ],
    allows: (identity, centre: ServiceCentre) =>
      identity.departments.includes(centre.organizationId) || identity.coversRegion(centre.regionCode),
  },
  /** The bureau is the organisation running the county-level centre; nobody while the county has none. */
  'item.create': {
    what: 'add a service item (新增事项) to its county’s catalogue',
    ...countyBureau,
  },
  'item.update': {
    what: 'change a service item from an effective date (事项变更, a new version) or retire it (事项取消)',
    ...countyBureau,
  },
  'centre.manage': {
    what: 'create and change the centres of its county, their windows and staff, and who backs whom (B岗)',
    ...countyBureau,
  },
  'calendar.enter': {
    what: 'enter or correct a year of the working-day calendar (`enterWorkingCalendar`, `POST calendar.xlsx`)',
    ...sharedRules.approvalBureau,
  },
  'calendar.export': {
    what: 'download a year of the calendar (`GET /files/gov-services/calendar.xlsx`)',
    ...sharedRules.signedIn,
  },
  'personal-data.read': {
    what: 'read staff phones in full (others see them masked)',
    ...sharedRules.seesPersonalData,
  },
  ...auditPermissions,
});

/** Personal data in full, or masked: the `personal-data.read` action, never refusing. */
export const seesPersonalData = (ctx: Pick<SubgraphContext, 'identity'>): boolean =>
  mayPerformAction(ctx, permissions, 'personal-data.read');
