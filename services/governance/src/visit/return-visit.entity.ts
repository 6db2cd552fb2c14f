import { declarePersonalFields, withheld } from '@county/kit';
import { Entity, ManyToOne, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType, GraphQLISODateTime } from 'type-graphql';
import { Dispute } from '../dispute/dispute.entity';

@Entity({ tableName: 'return_visit' })
@ObjectType({ description: '督查回访 — a return visit to the parties of a resolved dispute' })
export class ReturnVisit {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: '标识 — id' })
  id!: string;

  @ManyToOne(() => Dispute, { mapToPk: true, fieldName: 'dispute_id', index: true, deleteRule: 'restrict' })
  disputeId!: string;

  @Property({ type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '回访时间 — visited at' })
  visitedAt!: Date;

  @Property({ type: 'uuid' })
  visitorId!: string;

  @Property({ type: 'boolean' })
  @Field({ description: '是否满意 — the parties were satisfied' })
  satisfied!: boolean;

  @Property({ type: 'boolean' })
  @Field({ description: '是否反复 — the dispute flared up again' })
  relapsed!: boolean;

  @Property({ type: 'text', nullable: true })
  @Field(() => String, {
    nullable: true,
    description:
      '说明 — note; personal data (it may name the parties): "***" where the dispute\'s summary is',
  })
  note!: string | null;
}

// the audit trail keeps them masked for every reader without hr, as it does people's
declarePersonalFields(ReturnVisit, { note: withheld });
