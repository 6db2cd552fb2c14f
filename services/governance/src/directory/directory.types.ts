import { Directive, Field, ID, ObjectType } from 'type-graphql';

/*
 * The people subgraph's entities, as this subgraph extends them: only their keys live here. The gateway
 * fetches every other field from people; this subgraph adds its own fields (statistics, lists).
 */

@ObjectType('Region', { description: '行政区划 — a region, owned by the people subgraph' })
@Directive('@key(fields: "code")')
export class RegionRef {
  @Field(() => ID)
  code!: string;
}

@ObjectType('Person', { description: '人员 — a person, owned by the people subgraph' })
@Directive('@key(fields: "id")')
export class PersonRef {
  @Field(() => ID)
  id!: string;
}

@ObjectType('Organization', { description: '单位 — an organisation, owned by the people subgraph' })
@Directive('@key(fields: "id")')
export class OrganizationRef {
  @Field(() => ID)
  id!: string;
}

/** A reference the gateway resolves through the people subgraph. */
export const personRef = (id: string | null): PersonRef | null => (id ? { id } : null);
