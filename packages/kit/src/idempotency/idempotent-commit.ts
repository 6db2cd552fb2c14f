import { Entity, PrimaryKey, Property, type EventSubscriber, type FlushEventArgs } from '@mikro-orm/core';
import { auditActor } from '../audit/audit-actor';

/**
 * That a keyed mutation's write committed: a row written in the same flush, hence the same transaction, as
 * the write. A process that dies between its commit and storing its answer leaves the request row without
 * an answer; this row tells a retry that the write happened, so it is refused rather than run twice.
 */
@Entity({ tableName: 'idempotent_commit' })
export class IdempotentCommit {
  /** The `idempotent_request` row's id. */
  @PrimaryKey({ type: 'text' })
  id!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  committedAt?: Date;
}

/**
 * Adds the commit row to the first flush that writes anything during a keyed mutation (the idempotency
 * plugin names the request in the request's audit actor). Listed after the audit subscriber, so the row
 * is no audited change.
 */
export class IdempotentCommitSubscriber implements EventSubscriber {
  async onFlush({ uow, em }: FlushEventArgs): Promise<void> {
    const actor = auditActor.getStore();
    if (!actor?.idempotencyId || actor.idempotencyCommitted || uow.getChangeSets().length === 0) return;
    actor.idempotencyCommitted = true;
    uow.computeChangeSet(em.create(IdempotentCommit, { id: actor.idempotencyId }));
  }
}
