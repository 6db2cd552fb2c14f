import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A mutation sent with an `Idempotency-Key` header: the first answer is kept for 24 hours, so a client
 * that retries (a timeout, a dropped connection) gets that answer again instead of a second write. Nothing
 * in the row is readable without the key, which only the client holds.
 */
@Entity({ tableName: 'idempotent_request' })
@Index({ properties: ['createdAt'] })
export class IdempotentRequest {
  /** sha256 of the caller and the key: keys are per caller, and neither is stored in clear. */
  @PrimaryKey({ type: 'text' })
  id!: string;

  /** sha256 of the operation and its variables: the same key with other input is refused. */
  @Property({ type: 'text' })
  requestHash!: string;

  /** The first answer, AES-256-GCM under a key derived from the caller and key; null while it runs. */
  @Property({ type: 'blob', nullable: true })
  answer!: Buffer | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;
}
