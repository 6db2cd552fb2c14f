import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * 办件对接记录 — a case as its source delivered it: the source's own id (办件编号), the case it became, the
 * hash of its mapped row (a re-sent row with the same hash changes nothing) and the delivery that last
 * changed it. A record the source withdrew (撤回) is marked, never deleted.
 */
@Entity({ tableName: 'service_case_feed' })
export class CaseFeedRecord {
  @PrimaryKey({ type: 'text' })
  source!: string;

  @PrimaryKey({ type: 'text' })
  sourceId!: string;

  @Property({ type: 'uuid', unique: true })
  caseId!: string;

  @Property({ type: 'text' })
  rowHash!: string;

  /** The delivery (import job) that last changed the case. */
  @Property({ type: 'uuid' })
  @Index()
  jobId!: string;

  @Property({ type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Date;
}
