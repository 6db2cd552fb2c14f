import { declarePersonalFields, withheld } from '@county/kit';
import { Entity, Enum, Index, ManyToOne, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType, GraphQLISODateTime } from 'type-graphql';
import {
  AgreementForm,
  DiscoveryChannel,
  DisputeKind,
  DisputeStatus,
  GovernanceLevel,
  Referral,
  RiskColour,
} from '../vocabulary';
import { Grid } from '../grid/grid.entity';
import { MediationOrganization } from '../mediation/mediation-organization.entity';

/**
 * A dispute and where its course stands now. The row holds the current state only; every change to it is
 * also appended to `dispute_step`, which is never updated or deleted (a trigger refuses it).
 */
@Entity({ tableName: 'dispute' })
@Index({
  name: 'dispute_region_reported_idx',
  expression:
    'create index "dispute_region_reported_idx" on "dispute" ("region_code" text_pattern_ops, "reported_at")',
})
@Index({ properties: ['reportedAt', 'id'] })
@ObjectType({ description: '矛盾纠纷 — a dispute and its mediation' })
export class Dispute {
  [OptionalProps]?: 'createdAt' | 'reopenedCount';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: '标识 — id' })
  id!: string;

  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @ManyToOne(() => Grid, { mapToPk: true, nullable: true, fieldName: 'grid_id', index: true })
  gridId!: string | null;

  @Enum({ items: () => DisputeKind })
  @Field(() => DisputeKind, { description: '纠纷类型 — kind' })
  kind!: DisputeKind;

  @Enum({ items: () => DiscoveryChannel })
  @Field(() => DiscoveryChannel, { description: '发现渠道 — how it came to notice' })
  channel!: DiscoveryChannel;

  @Property({ type: 'timestamptz' })
  @Field(() => GraphQLISODateTime, { description: '登记时间 — reported at' })
  reportedAt!: Date;

  /** Personal data: exposed by the resolver, masked unless the caller may read the parties. */
  @Property({ type: 'string', length: 500 })
  parties!: string;

  @Property({ type: 'integer' })
  @Field(() => Int, { description: '当事人数 — how many parties' })
  partyCount!: number;

  @Property({ type: 'decimal', precision: 14, scale: 2, nullable: true })
  amount!: string | null;

  /** Free text that names the parties: exposed by the resolver like `parties`. */
  @Property({ type: 'text' })
  summary!: string;

  @Enum({ items: () => RiskColour })
  @Field(() => RiskColour, { description: '风险等级 — red, orange or yellow' })
  riskColour!: RiskColour;

  @Enum({ items: () => DisputeStatus, index: true })
  @Field(() => DisputeStatus, { description: '办理状态 — status' })
  status!: DisputeStatus;

  @Enum({ items: () => GovernanceLevel, nullable: true })
  @Field(() => GovernanceLevel, { nullable: true, description: '化解层级 — the level it was resolved at' })
  resolutionLevel!: GovernanceLevel | null;

  @ManyToOne(() => MediationOrganization, {
    mapToPk: true,
    nullable: true,
    fieldName: 'organization_id',
    index: true,
  })
  organizationId!: string | null;

  @Property({ type: 'uuid', nullable: true, index: true })
  mediatorId!: string | null;

  @Property({ type: 'timestamptz', nullable: true })
  @Field(() => GraphQLISODateTime, { nullable: true, description: '化解时间 — resolved at' })
  resolvedAt!: Date | null;

  @Enum({ items: () => AgreementForm, nullable: true })
  @Field(() => AgreementForm, { nullable: true, description: '协议形式 — written or oral agreement' })
  agreementForm!: AgreementForm | null;

  @Enum({ items: () => Referral, nullable: true })
  @Field(() => Referral, { nullable: true, description: '转办去向 — where it was referred' })
  referral!: Referral | null;

  @Property({ type: 'integer', default: 0 })
  @Field(() => Int, {
    description: '反复次数 — how often a return visit found it flaring up again and it was reopened',
  })
  reopenedCount!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();
}

// the audit trail keeps them masked for every reader without hr, as it does people's
declarePersonalFields(Dispute, { parties: withheld, summary: withheld });
