import { Entity, PrimaryKey, Property } from '@mikro-orm/core';

/**
 * The organisations that act as a county's petitions bureau (信访局): a caller with
 * `department:<organisationId>` registers and handles the petitions of `regionCode` and below, and sets its
 * time limits. Data, like the governance centre, because which organisation it is differs by county.
 */
@Entity({ tableName: 'petition_bureau' })
export class PetitionBureau {
  @PrimaryKey({ type: 'uuid' })
  organizationId!: string;

  @Property({ type: 'string', length: 12 })
  regionCode!: string;
}
