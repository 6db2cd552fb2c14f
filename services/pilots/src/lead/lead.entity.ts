import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { DateScalar } from '@county/kit';
import { LeadStatus, PilotLevel } from '../vocabulary';

@Entity({ tableName: 'pilot_lead' })
@Index({
  name: 'pilot_lead_region_prefix_idx',
  expression:
    'create index "pilot_lead_region_prefix_idx" on "pilot_lead" ("region_code" text_pattern_ops, "level")',
})
@Index({ properties: ['issuedOn', 'id'] })
@ObjectType({
  description:
    '试点线索 — a pilot the central or provincial level plans, handed by the reform office to an organisation to pursue',
})
export class PilotLead {
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @Property({ type: 'string', length: 200 })
  @Field({ description: '线索名称 — the pilot planned above' })
  name!: string;

  @Enum({ items: () => PilotLevel })
  @Field(() => PilotLevel, { description: '层级 — national or provincial' })
  level!: PilotLevel;

  @Property({ type: 'string', length: 100 })
  @Field({
    description: '部署单位 — the higher-level body planning the pilot (a ministry, a provincial department)',
  })
  plannedBy!: string;

  /** The organisation asked to pursue it (people's Organization). */
  @Property({ type: 'uuid', index: true })
  organizationId!: string;

  /** Its region, from the directory when the lead was issued: the region statistics count it under. */
  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @Property({ type: 'date' })
  @Field(() => DateScalar, { description: '下发日期 — the day the reform office issued it' })
  issuedOn!: string;

  @Enum({ items: () => LeadStatus })
  @Field(() => LeadStatus, { description: '状态 — assigned → pursuing → won or not won' })
  status!: LeadStatus;

  @Property({ version: true })
  @Field(() => Int, { description: '版本 — send it back with a change (optimistic locking)' })
  version!: number;

  @Property({ type: 'timestamptz', defaultRaw: 'now()' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', defaultRaw: 'now()', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}
