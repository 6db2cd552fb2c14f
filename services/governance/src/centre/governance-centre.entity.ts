import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The organisations that act as a county's comprehensive governance centre (综治中心, under the political-legal
 * committee): a caller with `department:<organisationId>` may write anything of this subgraph inside
 * `regionCode`. Kept as data, not as a role, because which department hosts the centre differs by county.
 */
@Entity({ tableName: 'governance_centre' })
export class GovernanceCentre {
  @PrimaryKey({ type: 'uuid' })
  organizationId!: string;

  @Property({ type: 'string', length: 12 })
  regionCode!: string;
}
