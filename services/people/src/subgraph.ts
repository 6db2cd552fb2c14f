import path from 'node:path';
import './vocabulary';
import './workforce/vocabulary';
import { attachFeeds, importJobsRoute, type SubgraphDefinition } from '@county/kit';
import { feedFileRoutes, peopleFeeds } from './feeds';
import { WorkforceStatsFreshnessResolver } from './feeds/freshness.resolver';
import { Region } from './region/region.entity';
import { RegionResolver } from './region/region.resolver';
import { RegionMutations } from './region/region.mutations';
import { resolveRegionReference } from './region/region.reference';
import { RegionSuccession } from './region-change/region-succession.entity';
import {
  RegionHistoryResolver,
  RegionSuccessionResolver,
  RegionSuccessionsQuery,
} from './region-change/region-history.resolver';
import { RegionMergeMutation } from './region-change/region-merge.mutation';
import { mergeLedgerEntities, mergeLedgerResolvers, mergeLedgerRoutes } from './merge-ledger';
import { RegionBoundary } from './region-boundary/region-boundary.entity';
import { RegionBoundaryFields, RegionBoundaryResolver } from './region-boundary/region-boundary.resolver';
import { regionBoundaryRoutes } from './region-boundary/region-boundary.routes';
import { Organization } from './organization/organization.entity';
import { OrganizationResolver } from './organization/organization.resolver';
import { OrganizationMutations } from './organization/organization.mutations';
import { resolveOrganizationReference } from './organization/organization.reference';
import { Person } from './person/person.entity';
import { PersonResolver } from './person/person.resolver';
import { PersonMutations } from './person/person.mutations';
import { resolvePersonReference } from './person/person.reference';
import { workforceEntities } from './workforce/entities';
import { workforceResolvers } from './workforce/resolvers';
import { migrations } from './migrations';
import { permissions } from './permissions';
import { communityWorkerLedgerRoutes } from './ledgers/community-worker-ledger';
import { organizationLedgerRoutes } from './ledgers/organization-ledger';
import { personLedgerRoutes } from './ledgers/person-ledger';

export const peopleEntities = [
  Region,
  RegionSuccession,
  ...mergeLedgerEntities,
  RegionBoundary,
  Organization,
  Person,
  ...workforceEntities,
];

/**
 * The people subgraph: owner of Region, Organization and Person (the directory), and of what the
 * organisation and civil-affairs departments track about people (cadres, community workers, assessments …).
 */
export const peopleSubgraph: SubgraphDefinition = {
  name: 'people',
  permissions,
  entities: peopleEntities,
  migrations,
  resolvers: [
    RegionResolver,
    RegionMutations,
    RegionHistoryResolver,
    RegionSuccessionResolver,
    RegionSuccessionsQuery,
    RegionMergeMutation,
    ...mergeLedgerResolvers,
    RegionBoundaryResolver,
    RegionBoundaryFields,
    OrganizationResolver,
    OrganizationMutations,
    PersonResolver,
    PersonMutations,
    ...workforceResolvers,
    WorkforceStatsFreshnessResolver,
  ],
  references: {
    Region: resolveRegionReference,
    Organization: resolveOrganizationReference,
    Person: resolvePersonReference,
  },
  files: [
    ...organizationLedgerRoutes,
    ...personLedgerRoutes,
    ...communityWorkerLedgerRoutes,
    ...mergeLedgerRoutes,
    importJobsRoute,
    ...regionBoundaryRoutes,
    ...feedFileRoutes,
  ],
  attach: attachFeeds(peopleFeeds),
  seeder: path.join(__dirname, 'seeders'),
};
