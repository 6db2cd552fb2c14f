export { governanceSubgraph, governanceEntities } from './subgraph';
export { Grid } from './grid/grid.entity';
export { MediationOrganization } from './mediation/mediation-organization.entity';
export { Dispute } from './dispute/dispute.entity';
export { DisputeStep } from './dispute/dispute-step.entity';
export { ReturnVisit } from './visit/return-visit.entity';
export { RiskJudgement } from './risk/risk-judgement.entity';
export { GovernanceCentre } from './centre/governance-centre.entity';
