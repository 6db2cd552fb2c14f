import type { Identity } from '@county/kit';

/**
 * Who may write the reform ledger. The reform office (改革办) keeps tasks, schedules and supervision;
 * a task's lead organisation (牵头单位) reports its progress and answers supervision orders on it.
 */
export const REFORM_OFFICE = ['reform-office'];
export const LEAD_ORGANIZATION = ['department:<the task’s lead organisation>'];

export const isReformOffice = (identity: Identity): boolean => identity.has('reform-office');
export const actsFor = (identity: Identity, organizationId: string): boolean =>
  identity.departments.includes(organizationId);
