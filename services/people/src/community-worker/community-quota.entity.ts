import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Organization } from '../organization/organization.entity';

@Entity({ tableName: 'community_quota' })
@Unique({ properties: ['organizationId'] })
@ObjectType({ description: '员额 — how many community workers a community may employ' })
export class CommunityQuota {
  [OptionalProps]?: 'version';

  @PrimaryKey({ type: 'uuid' })
  @Field(() => ID)
  id!: string;

  @ManyToOne(() => Organization, { mapToPk: true, fieldName: 'organization_id', deleteRule: 'restrict' })
  organizationId!: string;

  @Property({ type: 'smallint' })
  @Field(() => Int, { description: '员额 — the quota' })
  quota!: number;

  @Property({ version: true })
  @Field(() => Int, { description: '版本 — send it back with a change (optimistic locking)' })
  version!: number;
}
