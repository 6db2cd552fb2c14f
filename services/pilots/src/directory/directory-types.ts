import { Directive, Field, ID, ObjectType } from 'type-graphql';
import type { ReferenceResolver } from '@county/kit';

/*
 * The people subgraph's entities, as this subgraph sees them: only their keys. The gateway resolves the
 * rest from people; this subgraph adds its fields (pilots, leads, statistics) to them.
 */

@ObjectType('Region', { description: '行政区划 — a region of the directory (owned by people)' })
@Directive('@key(fields: "code")')
export class RegionRef {
  @Field(() => ID)
  code!: string;
}

@ObjectType('Organization', { description: '单位 — an organisation of the directory (owned by people)' })
@Directive('@key(fields: "id")')
export class OrganizationRef {
  @Field(() => ID)
  id!: string;
}

@ObjectType('Person', { description: '人员 — a person of the directory (owned by people)' })
@Directive('@key(fields: "id")')
export class PersonRef {
  @Field(() => ID)
  id!: string;
}

/** A reference from one of this subgraph's rows: the gateway fetches the rest from people. */
export const organizationRef = (id: string): OrganizationRef => ({ id });
export const personRef = (id: string): PersonRef => ({ id });

export const directoryReferences: Record<string, ReferenceResolver> = {
  Region: (reference) => ({ code: String(reference.code) }),
  Organization: (reference) => ({ id: String(reference.id) }),
  Person: (reference) => ({ id: String(reference.id) }),
};
