import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * A mutation sent with an `Idempotency-Key` header: the first answer is kept, so a client that retries
 * (a timeout, a dropped connection) gets that answer again instead of a second write.
 */
@Entity({ tableName: 'idempotent_request' })
export class IdempotentRequest {
  /** Keys are per caller: two callers' keys never collide. */
  @PrimaryKey({ type: 'text' })
  subject!: string;

  @PrimaryKey({ type: 'text' })
  key!: string;

  /** sha256 of the operation and its variables: the same key with other input is refused. */
  @Property({ type: 'text' })
  requestHash!: string;

  /** The first answer; null while the first request is still running. */
  @Property({ type: 'jsonb', nullable: true })
  response!: Record<string, unknown> | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt!: Date;
}
