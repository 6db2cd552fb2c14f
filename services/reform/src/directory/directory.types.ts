import { Directive, Field, ID, ObjectType } from 'type-graphql';

/*
 * The people subgraph's entities, as this subgraph sees them: only their keys. The gateway fills in the
 * rest; this subgraph adds its reform fields (see the resolvers beside this file). No descriptions here:
 * the owner's descriptions are the ones the supergraph shows.
 */

@ObjectType('Region')
@Directive('@key(fields: "code")')
export class RegionRef {
  @Field(() => ID)
  code!: string;
}

@ObjectType('Organization')
@Directive('@key(fields: "id")')
export class OrganizationRef {
  @Field(() => ID)
  id!: string;
}

@ObjectType('Person')
@Directive('@key(fields: "id")')
export class PersonRef {
  @Field(() => ID)
  id!: string;
}

export const regionRef = (code: string): RegionRef => ({ code });
export const organizationRef = (id: string): OrganizationRef => ({ id });
export const personRef = (id: string | null): PersonRef | null => (id ? { id } : null);
