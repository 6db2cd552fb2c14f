import path from 'node:path';
import './vocabulary';
import { governanceRollupDifferences } from './rollup-differences';
import { attachFeeds, importJobsRoute, type SubgraphDefinition } from '@county/kit';
import { feedFileRoutes, governanceFeeds } from './feeds';
import { DisputeStatsFreshnessResolver } from './feeds/freshness.resolver';
import { OrganizationRef, PersonRef, RegionRef, directoryResolvers, references } from './directory';
import { PersonResolver } from './person/person.resolver';
import { OrganizationResolver } from './organization/organization.resolver';
import { RegionResolver } from './region/region.resolver';
import { RegionListsResolver } from './region/region-lists.resolver';
import { GovernanceCentre } from './centre/governance-centre.entity';
import { Grid } from './grid/grid.entity';
import { GridResolver } from './grid/grid.resolver';
import { GridMutations } from './grid/grid.mutations';
import { MediationOrganization } from './mediation/mediation-organization.entity';
import { MediationOrganizationResolver } from './mediation/mediation-organization.resolver';
import { MediationOrganizationMutations } from './mediation/mediation-organization.mutations';
import { Dispute } from './dispute/dispute.entity';
import { DisputeStep } from './dispute/dispute-step.entity';
import { JointHandling } from './dispute/joint-handling.entity';
import { JointHandlingResolver } from './dispute/joint-handling.resolver';
import { DisputeCounters, DisputeRollupDay, DisputeRollupMonth } from './dispute/dispute-rollup.entity';
import { DisputeResolver } from './dispute/dispute.resolver';
import { DisputeMutations } from './dispute/dispute.mutations';
import { DisputeStatsResolver } from './dispute/dispute-stats.resolver';
import { ReturnVisit } from './visit/return-visit.entity';
import { ReturnVisitResolver } from './visit/return-visit.resolver';
import { ReturnVisitMutations } from './visit/return-visit.mutations';
import { RiskJudgement } from './risk/risk-judgement.entity';
import { RiskJudgementResolver } from './risk/risk-judgement.resolver';
import { RiskJudgementMutations } from './risk/risk-judgement.mutations';
import { Petition } from './petition/petition.entity';
import { PetitionCounters, PetitionRollupDay, PetitionRollupMonth } from './petition/petition-rollup.entity';
import { PetitionBureau } from './petition/petition-bureau.entity';
import { PetitionTimeLimits } from './petition/petition-time-limits.entity';
import { PetitionTimeLimitsResolver } from './petition/petition-time-limits';
import { DisputePetitionsResolver, PetitionResolver } from './petition/petition.resolver';
import { PetitionMutations } from './petition/petition.mutations';
import { petitionRegisterRoutes } from './petition/petition-register';
import { migrations } from './migrations';
import { permissions } from './permissions';
import { disputeRegisterRoutes } from './ledgers/dispute-register';
import { gridRosterRoutes } from './ledgers/grid-roster';

export const governanceEntities = [
  GovernanceCentre,
  Grid,
  MediationOrganization,
  Dispute,
  DisputeStep,
  JointHandling,
  DisputeCounters,
  DisputeRollupDay,
  DisputeRollupMonth,
  ReturnVisit,
  RiskJudgement,
  PetitionBureau,
  PetitionTimeLimits,
  Petition,
  PetitionCounters,
  PetitionRollupDay,
  PetitionRollupMonth,
];

/** The governance subgraph (政法委/综治中心): grids, disputes and their mediation, return visits, risk villages. */
export const governanceSubgraph: SubgraphDefinition = {
  name: 'governance',
  permissions,
  entities: governanceEntities,
  migrations,
  usesDirectory: true,
  resolvers: [
    RegionResolver,
    RegionListsResolver,
    PersonResolver,
    OrganizationResolver,
    GridResolver,
    GridMutations,
    MediationOrganizationResolver,
    MediationOrganizationMutations,
    DisputeResolver,
    DisputeMutations,
    DisputeStatsResolver,
    JointHandlingResolver,
    ReturnVisitResolver,
    ReturnVisitMutations,
    RiskJudgementResolver,
    RiskJudgementMutations,
    PetitionResolver,
    PetitionMutations,
    PetitionTimeLimitsResolver,
    DisputePetitionsResolver,
    DisputeStatsFreshnessResolver,
    ...directoryResolvers,
  ],
  orphanedTypes: [RegionRef, PersonRef, OrganizationRef],
  references,
  files: [
    ...disputeRegisterRoutes,
    ...gridRosterRoutes,
    ...petitionRegisterRoutes,
    importJobsRoute,
    ...feedFileRoutes,
  ],
  attach: attachFeeds(governanceFeeds),
  seeder: path.join(__dirname, 'seeders'),
  rollupDifferences: governanceRollupDifferences,
};
