import {
  auditPermissions,
  definePermissions,
  mayPerformAction,
  sharedRules,
  type SubgraphContext,
} from '@county/kit';

/** An organisation as the directory rules see it: where it lies, and its id once it exists. */
interface PlacedOrganization {
  id?: string;
  regionCode: string;
}

/**
 * Who may do what in the people subgraph, the one list: every write, guarded query and masked field checks
 * its action here (`assertPerformAction`, or `seesPersonalData` for masking), and the README's "Who may do
 * what" table is generated from it. The organisation department (`hr`) keeps all of the directory and the
 * workforce records; a township keeps the organisations and people inside it; a department keeps its own
 * record and its own people.
 */
export const permissions = definePermissions({
  'region.write': { what: 'create a region (新建行政区划) or rename one', ...sharedRules.hr },
  'region-boundary.write': {
    what: 'upload the outlines of a region’s children for the map (区划边界, from the surveying authority)',
    ...sharedRules.hr,
  },
  'organization.create': {
    what: 'create an organisation (新建单位) in a region',
    roles: ['hr', 'township:<code covering the region>'],
    allows: (identity, organization: PlacedOrganization) =>
      identity.has('hr') || identity.coversRegion(organization.regionCode),
  },
  'organization.update': {
    what: 'change an organisation (修改单位), checked where it is and where it moves to',
    roles: ['hr', 'township:<code covering the region>', 'department:<the organisation>'],
    allows: (identity, organization: PlacedOrganization) =>
      identity.has('hr') ||
      identity.coversRegion(organization.regionCode) ||
      (organization.id !== undefined && identity.departments.includes(organization.id)),
  },
  'person.write': {
    what: 'create or change a person (人员), checked against their organisation before and after a move',
    roles: ['hr', 'township:<code covering the organisation>', 'department:<the person’s organisation>'],
    allows: (identity, organization: { id: string; regionCode: string }) =>
      identity.has('hr') ||
      identity.coversRegion(organization.regionCode) ||
      identity.departments.includes(organization.id),
  },
  'merge-ledger.write': {
    what: 'keep a merge’s ledgers: idle assets (闲置资产) and their disposal, restructured facilities',
    roles: ['hr', 'township:<code covering the merged region>'],
    allows: (identity, merged: { regionCode: string }) =>
      identity.has('hr') || identity.coversRegion(merged.regionCode),
  },
  'feed.deliver': {
    what: 'deliver the organisation department’s roster export (`POST /files/people/feeds/zzb-roster`)',
    ...sharedRules.hr,
  },
  'workforce.write': {
    what: 'keep cadres, secondments, village cadres, community workers, assessments and training records',
    ...sharedRules.hr,
  },
  'post-levels.write': {
    what: 'set the levels each community-worker post type may hold in a province (三岗十八级 等级范围)',
    ...sharedRules.hr,
  },
  'pay-settings.write': {
    what: 'set a province’s pay scale for community workers (社区工作者薪酬标准: base pay, step a level)',
    ...sharedRules.hr,
  },
  'village-cadre-term.write': {
    what: 'record and correct village cadres’ posts and terms of office (村干部任职)',
    ...sharedRules.hr,
  },
  'assessment.list': {
    what: 'list annual assessments (年度考核列表), personal data',
    ...sharedRules.seesPersonalData,
  },
  'personal-data.read': {
    what: 'read birth dates, phones, ID numbers, grades and notes in full (others see them masked or null)',
    ...sharedRules.seesPersonalData,
  },
  ...auditPermissions,
});

/** Personal data in full, or masked: the `personal-data.read` action, never refusing. */
export const seesPersonalData = (ctx: Pick<SubgraphContext, 'identity'>): boolean =>
  mayPerformAction(ctx, permissions, 'personal-data.read');
