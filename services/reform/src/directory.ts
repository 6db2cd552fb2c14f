import { directoryStubs } from '@county/kit';

/*
 * The people subgraph's Region, Organization and Person as this subgraph extends them: key-only classes of
 * its own (see directoryStubs). The fields it adds live in src/region/, src/organization/ and src/person/.
 */
export const { RegionRef, OrganizationRef, PersonRef, references, directoryResolvers } = directoryStubs();
export type RegionRef = InstanceType<typeof RegionRef>;
export type OrganizationRef = InstanceType<typeof OrganizationRef>;
export type PersonRef = InstanceType<typeof PersonRef>;
export { organizationRef, personRef, regionRef } from '@county/kit';
