import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { Pilot } from '../pilot/pilot.entity';

@Entity({ tableName: 'pilot_ledger_entry' })
@Unique({ properties: ['pilotId', 'month'] })
@ObjectType({ description: '台账月报 — a pilot’s monthly ledger entry, written by its lead organisation' })
export class LedgerEntry {
  [OptionalProps]?: 'reportedAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @ManyToOne(() => Pilot, { mapToPk: true, fieldName: 'pilot_id', deleteRule: 'cascade' })
  pilotId!: string;

  @Property({ type: 'string', length: 7 })
  @Field({ description: '月份 — the month reported, YYYY-MM' })
  month!: string;

  @Property({ type: 'text' })
  @Field({ description: '进展情况 — progress' })
  progress!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '存在问题 — problems' })
  problems!: string | null;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, { nullable: true, description: '下步计划 — next steps' })
  nextSteps!: string | null;

  @Property({ type: 'string', length: 100 })
  @Field({ description: '报送人 — who reported (the caller’s name or subject)' })
  reportedBy!: string;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  @Field(() => Date, { description: '报送时间 — when it was reported' })
  reportedAt: Date = new Date();
}
