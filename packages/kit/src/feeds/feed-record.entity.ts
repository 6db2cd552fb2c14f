import { Entity, Index, PrimaryKey, Property, Unique } from '@mikro-orm/core';

/**
 * 对接记录 — a record as its source delivered it, whatever the subgraph: the source's own id (办件编号,
 * 纠纷编号, …), the record it became in this subgraph (a case, a dispute, a person), the hash of its mapped
 * row (a re-sent row with the same hash changes nothing) and the delivery that last changed it. A record
 * the source withdrew (撤回) is marked, never deleted. One table in every subgraph's database, beside the
 * jobs, so each feed's upsert reads and writes it the same way.
 */
@Entity({ tableName: 'feed_record' })
@Unique({ name: 'feed_record_source_record_id_unique', properties: ['source', 'recordId'] })
export class FeedRecord {
  @PrimaryKey({ type: 'text' })
  source!: string;

  @PrimaryKey({ type: 'text' })
  sourceId!: string;

  /** The id of the case, dispute or person the row became. */
  @Property({ type: 'uuid' })
  recordId!: string;

  @Property({ type: 'text' })
  rowHash!: string;

  /** The delivery (import job) that last changed the record. */
  @Property({ type: 'uuid' })
  @Index()
  jobId!: string;

  @Property({ type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Date;
}
