import { auditPermissions, definePermissions, sharedRules, type Rule } from '@county/kit';

/** The task whose lead organisation (牵头单位) reports on it and answers its supervision orders. */
const leadOrganization: Rule<{ leadOrganizationId: string }> = {
  roles: ['department:<the task’s lead organisation>'],
  allows: (identity, task) => identity.departments.includes(task.leadOrganizationId),
};

/**
 * Who may do what in the reform subgraph, the one list: every write and file route checks its action here
 * with `assertPerformAction`, and the README's "Who may do what" table is generated from it. The reform
 * office (改革办) keeps tasks, schedules and supervision; a task's lead organisation reports its progress and
 * answers supervision orders on it.
 */
export const permissions = definePermissions({
  'task.write': {
    what: 'create and change reform tasks, set their milestones, close them (销号)',
    ...sharedRules.reformOffice,
  },
  'report.submit': { what: 'submit a progress report (报送进展) on one of its tasks', ...leadOrganization },
  'supervision.issue': {
    what: 'issue a supervision order (督办单) on a lagging task',
    ...sharedRules.reformOffice,
  },
  'supervision.answer': {
    what: 'answer a supervision order (督办反馈) on one of its tasks',
    ...leadOrganization,
  },
  'supervision.rectify': { what: 'accept the rectification (整改销号)', ...sharedRules.reformOffice },
  'problem.write': {
    what: 'keep the problem list (三本账): enter, change and close problems',
    ...sharedRules.reformOffice,
  },
  'assessment.write': {
    what: 'enter and correct assessment scores (问效榜) per organisation and year',
    ...sharedRules.reformOffice,
  },
  'dispatch.write': {
    what: 'run the monthly dispatch (月调度): open a round, record what each task reported, close it with its summary',
    ...sharedRules.reformOffice,
  },
  'inspection.write': { what: 'record on-site inspections (督察)', ...sharedRules.reformOffice },
  'bulletin.write': {
    what: 'issue bulletins (通报) naming good and lagging units, and supervision orders from them',
    ...sharedRules.reformOffice,
  },
  'outcome.write': {
    what: 'keep the outcome library (改革成果库): outcomes, criteria, documents, promotion, adoption, replication',
    ...sharedRules.reformOffice,
  },
  'scoring.write': {
    what: 'set the year’s bonus rules of the results board (问效榜) and record pilots won',
    ...sharedRules.reformOffice,
  },
  'ledger.export': {
    what: 'download the year’s ledger (`GET /files/reform/ledger.xlsx`)',
    ...sharedRules.signedIn,
  },
  'ledger.import': {
    what: 'import the year’s ledger (`POST /files/reform/ledger.xlsx`)',
    ...sharedRules.reformOffice,
  },
  ...auditPermissions,
});
