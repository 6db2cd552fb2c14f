import path from 'node:path';
import './vocabulary';
import { importJobsRoute, type SubgraphDefinition } from '@county/kit';
import { Pilot } from './pilot/pilot.entity';
import { PilotResolver } from './pilot/pilot.resolver';
import { PilotMutations } from './pilot/pilot.mutations';
import { PilotLead } from './lead/lead.entity';
import { PilotLeadResolver } from './lead/lead.resolver';
import { PilotLeadMutations } from './lead/lead.mutations';
import { LedgerEntry } from './ledger/ledger-entry.entity';
import { LedgerMutations } from './ledger/ledger.mutations';
import { Evaluation } from './evaluation/evaluation.entity';
import { EvaluationResolver } from './evaluation/evaluation.mutations';
import { PromotionRecord } from './promotion/promotion-record.entity';
import { PromotionMutations } from './promotion/promotion.mutations';
import { OrganizationRef, PersonRef, RegionRef, directoryResolvers, references } from './directory';
import { RegionResolver } from './region/region.resolver';
import { RegionListsResolver } from './region/region-lists.resolver';
import { OrganizationResolver } from './organization/organization.resolver';
import { PersonResolver } from './person/person.resolver';
import { pilotLedgerRoutes } from './export/pilot-ledgers';
import { migrations } from './migrations';
import { permissions } from './permissions';

export const pilotsEntities = [PilotLead, Pilot, LedgerEntry, Evaluation, PromotionRecord];

/** The pilots subgraph: reform pilots from lead to promotion, owned by the reform office (改革办). */
export const pilotsSubgraph: SubgraphDefinition = {
  name: 'pilots',
  permissions,
  entities: pilotsEntities,
  migrations,
  resolvers: [
    PilotResolver,
    PilotMutations,
    PilotLeadResolver,
    PilotLeadMutations,
    LedgerMutations,
    EvaluationResolver,
    PromotionMutations,
    RegionResolver,
    RegionListsResolver,
    OrganizationResolver,
    PersonResolver,
    ...directoryResolvers,
  ],
  orphanedTypes: [RegionRef, OrganizationRef, PersonRef],
  references,
  seeder: path.join(__dirname, 'seeders'),
  usesDirectory: true,
  files: [...pilotLedgerRoutes, importJobsRoute],
};
