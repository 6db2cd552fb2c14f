import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/** 数据源状态 — one row per feed source: its latest successful delivery (jobs expire; this does not). */
@Entity({ tableName: 'feed_source_state' })
export class FeedSourceState {
  @PrimaryKey({ type: 'text' })
  source!: string;

  @Property({ type: 'timestamptz', nullable: true })
  lastSuccessAt!: Date | null;

  @Property({ type: 'uuid', nullable: true })
  lastJobId!: string | null;

  @Property({ type: 'integer', nullable: true })
  mappingVersion!: number | null;

  /** Records the latest success changed (0 for a re-sent file). */
  @Property({ type: 'integer', nullable: true })
  lastChanged!: number | null;
}
