import 'reflect-metadata';
import { Directive, Field, ID, ObjectType } from 'type-graphql';
import { z } from 'zod';
import { isRegionCode } from '@county/domain';
import type { DirectoryType } from './directory';
import type { ReferenceResolver } from './schema';

/** A region as another subgraph holds it: its key alone. */
export interface RegionKey {
  code: string;
}

/** An organisation or a person as another subgraph holds it: its key alone. */
export interface IdKey {
  id: string;
}

/** A key-only class, as type-graphql takes it (`@Resolver(() => RegionRef)`, `@Field(() => RegionRef)`). */
export type KeyClass<K> = new () => K;

/** The people subgraph's entities as one other subgraph extends them. */
export interface DirectoryStubs {
  RegionRef: KeyClass<RegionKey>;
  OrganizationRef: KeyClass<IdKey>;
  PersonRef: KeyClass<IdKey>;
  /** `SubgraphDefinition.references`: the key of a well-formed representation, null for a malformed one. */
  references: Record<DirectoryType, ReferenceResolver>;
}

const isUuid = (value: unknown): value is string => z.uuid().safeParse(value).success;

/*
 * The key is all a subgraph needs: it adds fields computed from its own tables, and people answers for
 * whether the record exists. A key that cannot name a record (a code that is no region code, an id that
 * is no UUID) is answered with null, as people answers a key that names no record, before any field
 * resolver of this subgraph runs.
 */
const references: DirectoryStubs['references'] = {
  Region: ({ code }) => (typeof code === 'string' && isRegionCode(code) ? { code } : null),
  Organization: ({ id }) => (isUuid(id) ? { id } : null),
  Person: ({ id }) => (isUuid(id) ? { id } : null),
};

function regionClass(): KeyClass<RegionKey> {
  @ObjectType('Region', { description: '行政区划 — a region, owned by the people subgraph' })
  // marks people as the owner in the supergraph (join__type extension: true here): the nullable check reads it
  @Directive('@extends')
  @Directive('@key(fields: "code")')
  class RegionRef {
    @Field(() => ID)
    code!: string;
  }
  return RegionRef;
}

function idClass(type: 'Organization' | 'Person', description: string): KeyClass<IdKey> {
  @ObjectType(type, { description })
  @Directive('@extends')
  @Directive('@key(fields: "id")')
  class IdRef {
    @Field(() => ID)
    id!: string;
  }
  return Object.defineProperty(IdRef, 'name', { value: `${type}Ref` });
}

/**
 * `Region`, `Organization` and `Person` (owned by the people subgraph) as key-only types, for a subgraph
 * that adds fields to them. Call it once per subgraph (its `src/directory.ts`) and use those classes
 * everywhere in that subgraph.
 *
 * Each call makes new classes. type-graphql keeps its metadata in one store per process and, when a
 * schema is built, adds each `@FieldResolver` of the resolvers it is given to the fields of the class
 * named in `@Resolver(() => RegionRef)`, for good: with one class shared by several subgraphs, the second
 * subgraph built in a process (tests start several) would also print the first one's fields. A class of
 * its own per subgraph keeps each subgraph's fields on its own `Region`.
 */
export function directoryStubs(): DirectoryStubs {
  return {
    RegionRef: regionClass(),
    OrganizationRef: idClass('Organization', '单位 — an organisation, owned by the people subgraph'),
    PersonRef: idClass('Person', '人员 — a person, owned by the people subgraph'),
    references,
  };
}

/** A reference to a region the gateway resolves through the people subgraph. */
export const regionRef = (code: string): RegionKey => ({ code });

/** A reference to an organisation the gateway resolves through the people subgraph. */
export const organizationRef = (id: string): IdKey => ({ id });

/** A reference to a person the gateway resolves through the people subgraph; null for no id. */
export function personRef(id: string): IdKey;
export function personRef(id: string | null): IdKey | null;
export function personRef(id: string | null): IdKey | null {
  return id ? { id } : null;
}
