export { AuditRecord } from './audit-record.entity';
export { auditActor, type AuditActor } from './audit-actor';
export { AuditSubscriber } from './audit-subscriber';
export { KitAuditTrail20261122 } from './audit-migration';
export { verifyAuditChain, recomputeAuditChain, type AuditChainReport } from './audit-chain';
export {
  checkpointFile,
  readAuditCheckpoints,
  type AuditAnchorSettings,
  type AuditCheckpoint,
} from './audit-checkpoints';
export {
  auditAnchorOf,
  auditAnchorSettings,
  startAuditAnchor,
  withAuditAnchor,
  writeAuditCheckpoint,
  DEFAULT_CHECKPOINT_INTERVAL_MS,
  type AuditAnchor,
  type AuditAnchorConfig,
} from './audit-anchor';
export { auditTrailResolver } from './audit.resolver';
export {
  declarePersonalFields,
  maskAuditRecord,
  maskPersonalFields,
  seesPersonalDataInTrail,
  withheld,
  type PersonalFieldMask,
} from './personal-fields';
