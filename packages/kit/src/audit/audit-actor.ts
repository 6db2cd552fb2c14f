import { AsyncLocalStorage } from 'node:async_hooks';
import type { Identity } from '../identity';

export interface AuditActor {
  identity: Identity;
  requestId: string;
  /** The keyed mutation's idempotency row (../idempotency): its commit is marked in the write's flush. */
  idempotencyId?: string;
  idempotencyCommitted?: boolean;
}

/**
 * Who is writing, for the audit trail: set around each request by the subgraph server, read in the ORM's
 * flush. Writes outside a request (seeding, migrations, commands) are recorded as the system's.
 */
export const auditActor = new AsyncLocalStorage<AuditActor>();
