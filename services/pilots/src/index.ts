export { pilotsSubgraph, pilotsEntities } from './subgraph';
export { Pilot } from './pilot/pilot.entity';
export { PilotLead } from './lead/lead.entity';
export { LedgerEntry } from './ledger/ledger-entry.entity';
export { Evaluation } from './evaluation/evaluation.entity';
export { PromotionRecord } from './promotion/promotion-record.entity';
export { DEMO_PILOT_FIGURES } from './seeders/figures';
