export { AuditRecord } from './audit-record.entity';
export { auditActor, type AuditActor } from './audit-actor';
export { AuditSubscriber } from './audit-subscriber';
export { KitAuditTrail20261122 } from './audit-migration';
export { verifyAuditChain, type AuditChainReport } from './audit-chain';
export { auditTrailResolver } from './audit.resolver';
