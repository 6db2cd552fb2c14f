import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * 纠纷对接记录 — a dispute as the province's mediation platform delivered it: its own id (纠纷编号), the dispute
 * it became, the hash of its mapped row and the delivery that last changed it. Withdrawn (撤回) is a mark.
 */
@Entity({ tableName: 'dispute_feed' })
export class DisputeFeedRecord {
  @PrimaryKey({ type: 'text' })
  source!: string;

  @PrimaryKey({ type: 'text' })
  sourceId!: string;

  @Property({ type: 'uuid', unique: true })
  disputeId!: string;

  @Property({ type: 'text' })
  rowHash!: string;

  @Property({ type: 'uuid' })
  @Index()
  jobId!: string;

  @Property({ type: 'timestamptz', nullable: true })
  withdrawnAt!: Date | null;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  updatedAt!: Date;
}
