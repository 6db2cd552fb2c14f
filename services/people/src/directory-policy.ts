import type { Identity } from '@county/kit';

/**
 * Who may change the directory. The organisation department (`hr`) keeps all of it; a township keeps the
 * organisations and people inside it; a department keeps its own record and its own people.
 */
export const REGION_WRITERS = ['hr'];
export const DIRECTORY_WRITERS = [
  'hr',
  'township:<code covering the region>',
  'department:<the organisation>',
];

export const mayWriteRegions = (identity: Identity): boolean => identity.has('hr');

/** May `identity` change the organisation `organizationId` located in `regionCode` (or its people)? */
export function mayWriteWithin(
  identity: Identity,
  organization: { id?: string; regionCode: string },
): boolean {
  return (
    identity.has('hr') ||
    identity.coversRegion(organization.regionCode) ||
    (organization.id !== undefined && identity.departments.includes(organization.id))
  );
}
