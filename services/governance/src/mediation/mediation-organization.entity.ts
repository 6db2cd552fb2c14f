import { Entity, Enum, Index, PrimaryKey, Property } from '@mikro-orm/core';
import { Field, ID, ObjectType } from 'type-graphql';
import { GovernanceLevel, MediationOrganizationKind } from '../vocabulary';

/**
 * A mediation organisation: a village or township people's mediation committee, a professional committee
 * (labour, medical, traffic, property …) or the county's joint-handling centre. Where the directory has it as an
 * Organization, its id is kept, so `Organization.mediations` finds what the committee mediated.
 */
@Entity({ tableName: 'mediation_organization' })
@Index({
  name: 'mediation_organization_region_prefix_idx',
  expression:
    'create index "mediation_organization_region_prefix_idx" on "mediation_organization" ("region_code" text_pattern_ops, "name", "id")',
})
@ObjectType({ description: '调解组织 — a mediation committee or centre' })
export class MediationOrganization {
  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID, { description: '标识 — id' })
  id!: string;

  @Property({ type: 'string', length: 200 })
  @Field({ description: '名称 — name' })
  name!: string;

  @Enum({ items: () => MediationOrganizationKind })
  @Field(() => MediationOrganizationKind, { description: '类别 — kind' })
  kind!: MediationOrganizationKind;

  @Enum({ items: () => GovernanceLevel })
  @Field(() => GovernanceLevel, { description: '层级 — the level it works at' })
  level!: GovernanceLevel;

  @Property({ type: 'string', length: 12 })
  regionCode!: string;

  @Property({ type: 'uuid', nullable: true, unique: true })
  organizationId!: string | null;
}
