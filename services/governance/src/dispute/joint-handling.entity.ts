import { declarePersonalFields, withheld } from '@county/kit';
import { Entity, Enum, ManyToOne, Property } from '@mikro-orm/core';
import { Field, GraphQLISODateTime, ObjectType } from 'type-graphql';
import { JointHandlingOutcome } from '../vocabulary';
import { MediationOrganization } from '../mediation/mediation-organization.entity';
import { Dispute } from './dispute.entity';

/**
 * 联席会办: a dispute referred to the county's joint-handling centre, the meeting it convened with the
 * departments concerned, and how it ended. At most one per dispute; the dispute stays open (and counted by
 * its risk colour) from the referral until the outcome is recorded.
 */
@Entity({ tableName: 'dispute_joint_handling' })
@ObjectType({ description: '联席会办 — the joint handling of a referred dispute by the county centre' })
export class JointHandling {
  @ManyToOne(() => Dispute, { mapToPk: true, fieldName: 'dispute_id', primary: true, deleteRule: 'restrict' })
  disputeId!: string;

  @ManyToOne(() => MediationOrganization, { mapToPk: true, fieldName: 'centre_id', deleteRule: 'restrict' })
  centreId!: string;

  @Property({ type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '会办时间 — when the joint meeting was held' })
  convenedAt!: Date;

  /** The organisations (people subgraph) that took part; exposed as `departments`. */
  @Property({ type: 'json' })
  departmentIds!: string[];

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => GraphQLISODateTime, {
    nullable: true,
    description: '办结时间 — when the outcome was recorded',
  })
  concludedAt!: Date | null;

  @Enum({ items: () => JointHandlingOutcome, nullable: true })
  @Field(() => JointHandlingOutcome, {
    nullable: true,
    description: '会办结果 — resolved or not; null while the joint handling is open',
  })
  outcome!: JointHandlingOutcome | null;

  /** What the meeting decided, free text naming the parties: exposed by the resolver, masked like notes. */
  @Property({ type: 'text', nullable: true })
  result!: string | null;
}

// the audit trail keeps it masked for every reader without hr, as it does the notes
declarePersonalFields(JointHandling, { result: withheld });
