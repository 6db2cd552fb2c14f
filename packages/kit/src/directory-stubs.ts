import 'reflect-metadata';
import { Directive, Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { z } from 'zod';
import { isRegionCode, RegionLevel } from '@county/domain';
import type { DirectoryType } from './directory';
import type { ReferenceResolver } from './schema';
import { organizationCopyResolver, regionCopyResolver } from './region-copy/region-copy.resolver';

// once for every subgraph: people's `RegionLevel` and the copies' (an argument of the shared `regions`) agree
registerEnumType(RegionLevel, {
  name: 'RegionLevel',
  description: '行政区划层级 — a level of the administrative hierarchy',
  valuesConfig: {
    PROVINCE: { description: '省/自治区/直辖市 — province level' },
    CITY: { description: '地级市 — prefecture-level city' },
    COUNTY: { description: '县/县级市/市辖区 — county level' },
    TOWNSHIP: { description: '乡/镇/街道 — township level' },
    VILLAGE: { description: '村/社区 — village or urban community' },
  },
});

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
  /**
   * Add to the subgraph's resolvers: `region(code)`, `regions` and `Region`'s name, level, parent and
   * children from the subgraph's copy of people's region tree (./region-copy), shared with people.
   */
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  directoryResolvers: Function[];
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

    // people's fields, shared: answered from the copy of the region tree while people is down
    @Field({ description: '名称 — name' })
    @Directive('@shareable')
    name?: string;

    @Field(() => RegionLevel, { description: '层级 — level' })
    @Directive('@shareable')
    level?: RegionLevel;

    @Field(() => RegionRef, { nullable: true, description: '上级 — the region directly above' })
    @Directive('@shareable')
    parent?: RegionRef | null;

    @Field(() => [RegionRef], { description: '下级 — the regions directly below, ordered by code' })
    @Directive('@shareable')
    children?: RegionRef[];
  }
  return RegionRef;
}

function idClass(type: 'Person', description: string): KeyClass<IdKey> {
  @ObjectType(type, { description })
  @Directive('@extends')
  @Directive('@key(fields: "id")')
  class IdRef {
    @Field(() => ID)
    id!: string;
  }
  return Object.defineProperty(IdRef, 'name', { value: `${type}Ref` });
}

function organizationClass(): KeyClass<IdKey> {
  @ObjectType('Organization', { description: '单位 — an organisation, owned by the people subgraph' })
  @Directive('@extends')
  @Directive('@key(fields: "id")')
  class OrganizationRef {
    @Field(() => ID)
    id!: string;

    // people's, shared: answered from the directory copy, so a record naming its organisation keeps it
    @Field({ description: '单位名称 — name' })
    @Directive('@shareable')
    name?: string;
  }
  return OrganizationRef;
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
  const RegionRef = regionClass();
  const OrganizationRef = organizationClass();
  return {
    RegionRef,
    directoryResolvers: [regionCopyResolver(RegionRef), organizationCopyResolver(OrganizationRef)],
    OrganizationRef,
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
