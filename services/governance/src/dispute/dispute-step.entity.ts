import { declarePersonalFields, withheld } from '@county/kit';
import { Entity, Enum, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, GraphQLISODateTime } from 'type-graphql';
import { DisputeAction, DisputeStatus } from '../vocabulary';
import { Dispute } from './dispute.entity';

/** One step of a dispute's course, appended and never changed: the record of who did what, when. */
@Entity({ tableName: 'dispute_step' })
@Unique({ properties: ['disputeId', 'sequence'] })
@ObjectType({ description: '办理环节 — one recorded step of a dispute’s course' })
export class DisputeStep {
  [OptionalProps]?: 'recordedAt';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: '标识 — id' })
  id!: string;

  @ManyToOne(() => Dispute, { mapToPk: true, fieldName: 'dispute_id', deleteRule: 'restrict' })
  disputeId!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '序号 — 1 for the registration, then one more per step' })
  sequence!: number;

  @Enum({ items: () => DisputeAction })
  @Field(() => DisputeAction, { description: '环节 — what the step did' })
  action!: DisputeAction;

  @Enum({ items: () => DisputeStatus })
  @Field(() => DisputeStatus, { description: '办理后状态 — the status after the step' })
  status!: DisputeStatus;

  @Property({ type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '时间 — when it happened' })
  at!: Date;

  @Property({ type: 'string', length: 200 })
  @Field({ description: '经办 — who recorded it (the caller’s subject)' })
  actor!: string;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description:
      '说明 — note; personal data (it may name the parties): "***" where the dispute\'s summary is',
  })
  note!: string | null;

  @Property({ type: 'json' })
  details!: Record<string, unknown>;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  @Field(() => GraphQLISODateTime, { description: '记录时间 — when it was recorded' })
  recordedAt: Date = new Date();
}

// the audit trail keeps them masked for every reader without hr, as it does people's
declarePersonalFields(DisputeStep, { note: withheld });
