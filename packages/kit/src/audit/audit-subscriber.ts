import { ChangeSetType, type EventSubscriber, type FlushEventArgs } from '@mikro-orm/core';
import { auditActor } from './audit-actor';
import { AuditRecord } from './audit-record.entity';

const OPERATION: Partial<Record<ChangeSetType, string>> = {
  [ChangeSetType.CREATE]: 'create',
  [ChangeSetType.UPDATE]: 'update',
  [ChangeSetType.DELETE]: 'delete',
};

/** JSON-safe copies of ORM values (dates, bigints, references by key). */
const plain = (value: unknown): unknown =>
  JSON.parse(JSON.stringify(value ?? null, (_, v: unknown) => (typeof v === 'bigint' ? v.toString() : v)));

/**
 * Records every create, update and delete of every entity in the same flush, hence the same transaction,
 * as the write: a write that rolls back leaves no record, and a record never lacks its write.
 */
export class AuditSubscriber implements EventSubscriber {
  async onFlush({ uow, em }: FlushEventArgs): Promise<void> {
    const actor = auditActor.getStore();
    for (const change of uow.getChangeSets()) {
      const operation = OPERATION[change.type];
      if (!operation || change.entity instanceof AuditRecord) continue;
      const changed = Object.keys(change.payload);
      // a delete's change set carries no original: the entity as loaded is what it was
      const original = (change.originalEntity ??
        (change.type === ChangeSetType.DELETE
          ? em.getComparator().prepareEntity(change.entity)
          : {})) as Record<string, unknown>;
      const record = em.create(AuditRecord, {
        subject: actor?.identity.subject ?? null,
        roles: actor ? [...actor.identity.roles] : ['system'],
        requestId: actor?.requestId ?? null,
        operation,
        entity: change.name,
        entityId: String(change.getPrimaryKey() ?? ''),
        before:
          operation === 'create'
            ? null
            : (plain(operation === 'delete' ? original : pick(original, changed)) as Record<string, unknown>),
        after: operation === 'delete' ? null : (plain(change.payload) as Record<string, unknown>),
        prevHash: null,
        hash: null,
      } as never);
      uow.computeChangeSet(record);
    }
  }
}

const pick = (source: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(keys.map((key) => [key, source[key] ?? null]));
