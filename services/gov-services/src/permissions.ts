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

/** What a department's own record is checked against: the department, and the county's bureau. */
export interface DepartmentSubject {
  organizationId: string;
  countyCentre: ServiceCentre | undefined;
}

/** The department concerned, or the bureau running the county-level centre. */
const departmentOrBureau = {
  roles: ['department:<the department concerned>', 'department:<the county service centre>'],
  allowedRoles: ({ organizationId, countyCentre }: DepartmentSubject) => [
    `department:${organizationId}`,
    ...countyBureau.allowedRoles(countyCentre),
  ],
  allows: (identity: Identity, { organizationId, countyCentre }: DepartmentSubject) =>
    identity.departments.includes(organizationId) || countyBureau.allows(identity, countyCentre),
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
  'power.manage': {
    what: 'add a power to the county list (权责清单) and link the service items implementing it',
    ...departmentOrBureau,
  },
  'power.delegate': {
    what: 'delegate a power to a township or development zone (赋权/下放), or withdraw it (收回)',
    ...departmentOrBureau,
  },
  'delegation.uptake': {
    what: 'record that a township took up a delegated power (承接: staff trained, the day)',
    roles: ['township:<the recipient>'],
    allowedRoles: (regionCode: string) => [`township:${regionCode}`],
    allows: (identity, regionCode: string) => identity.coversRegion(regionCode),
  },
  'project.manage': {
    what: 'register an investment project, its proxy agent (代办员) and early involvement (提前介入), and its approval steps',
    ...countyBureau,
  },
  'project.approve': {
    what: 'record the approval of a project’s step (批复)',
    ...departmentOrBureau,
  },
  'calendar.enter': {
    what: 'enter or correct a year of the working-day calendar (`enterWorkingCalendar`, `POST calendar.xlsx`)',
    ...sharedRules.approvalBureau,
  },
  'calendar.export': {
    what: 'download a year of the calendar (`GET /files/gov-services/calendar.xlsx`)',
    ...sharedRules.signedIn,
  },
  'feed.deliver': {
    what: 'deliver the provincial platform’s case export (`POST /files/gov-services/feeds/zwfw-cases`) and read its deliveries',
    ...sharedRules.approvalBureau,
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
