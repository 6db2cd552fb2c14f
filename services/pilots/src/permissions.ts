import { auditPermissions, definePermissions, sharedRules } from '@county/kit';

/**
 * Who may do what in the pilots subgraph, the one list: every write checks its action here with
 * `assertPerformAction`, and the README's "Who may do what" table is generated from it.
 */
export const permissions = definePermissions({
  'pilot.write': {
    what: 'enter and change pilots (试点), move them through their stages, evaluate and promote them',
    ...sharedRules.reformOffice,
  },
  'lead.write': { what: 'hand out pilot leads (试点线索) and set their status', ...sharedRules.reformOffice },
  'ledger.record': {
    what: 'report a pilot’s monthly ledger entry (报送台账)',
    roles: ['department:<the pilot’s lead organisation>'],
    allowedRoles: (pilot: { leadOrganizationId: string }) => [`department:${pilot.leadOrganizationId}`],
    allows: (identity, pilot: { leadOrganizationId: string }) =>
      identity.departments.includes(pilot.leadOrganizationId),
  },
  'ledger.export': {
    what: 'download the pilot ledgers (`GET /files/pilots/<ledger>.xlsx`)',
    ...sharedRules.signedIn,
  },
  ...auditPermissions,
});
