import { Entity, Index, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * 名册对接记录 — a person as the organisation department's roster delivered them: the roster's own id
 * (人员编号), the person, the hash of the mapped row and the delivery that last changed it. A person the
 * roster lists as moved away (调出) is marked, never deleted.
 */
@Entity({ tableName: 'person_feed' })
export class RosterFeedRecord {
  @PrimaryKey({ type: 'text' })
  source!: string;

  @PrimaryKey({ type: 'text' })
  sourceId!: string;

  @Property({ type: 'uuid', unique: true })
  personId!: string;

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
