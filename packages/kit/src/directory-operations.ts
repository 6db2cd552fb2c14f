/**
 * Every operation a subgraph sends to the people subgraph (the directory), in one place: each a named
 * operation with the types of its variables and of its result. `Directory` sends them; no service holds a
 * GraphQL string for people. packages/kit/test/directory-operations.test.ts validates each document
 * against people's committed SDL (schema/people.graphql), so a field people drops fails the build.
 */

/** An entity representation, as `_entities` takes it. */
export type Representation =
  | { __typename: 'Organization'; id: string }
  | { __typename: 'Person'; id: string }
  | { __typename: 'Region'; code: string };

/** A page of a people list, as the directory answers it. */
export interface DirectoryPage<T> {
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
}

/** A directory record's id and name. */
export interface DirectoryName {
  id: string;
  name: string;
}

/** An organisation as a ledger import matches it: by name or unified social credit code. */
export interface DirectoryOrganization extends DirectoryName {
  creditCode: string | null;
}

/** A person's roles and where they work. */
export interface DirectoryPersonPlacement {
  roles: string[];
  organization: { region: { code: string } } | null;
}

/** A region as the directory answers it for the copy each subgraph keeps (../region-copy). */
export interface DirectoryRegionRecord {
  code: string;
  name: string;
  level: string;
  parent: { code: string } | null;
}

/** A region succession (merge) as the directory answers it for the copy. */
export interface DirectoryRegionSuccessionRecord {
  predecessorCode: string;
  successorCode: string;
  effectiveOn: string;
}

/** A named operation of the people subgraph's schema; the type parameters are its variables and result. */
export interface DirectoryOperation<TVariables extends Record<string, unknown>, TResult> {
  readonly name: string;
  readonly document: string;
  /** Never set: carries the types. */
  readonly __types?: { variables: TVariables; result: TResult };
}

function operation<TVariables extends Record<string, unknown>, TResult>(
  name: string,
  document: string,
): DirectoryOperation<TVariables, TResult> {
  return { name, document };
}

type Entities<T> = { _entities: (T | null)[] };
type Page<T> = { page: DirectoryPage<T> };
type RegionPage = { region: string | null; after: string | null };

export const DIRECTORY_OPERATIONS = {
  /** The key of each record named, null where none: whether a write names records that exist. */
  DirectoryKeys: operation<{ representations: Representation[] }, Entities<Record<string, string>>>(
    'DirectoryKeys',
    `query DirectoryKeys($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Organization { id }
    ... on Person { id }
    ... on Region { code }
  }
}`,
  ),

  /** Names of organisations and people, all in one request. */
  DirectoryNames: operation<{ representations: Representation[] }, Entities<DirectoryName>>(
    'DirectoryNames',
    `query DirectoryNames($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Organization { id name }
    ... on Person { id name }
  }
}`,
  ),

  /** A person's roles and the region of the organisation they work in. */
  PersonPlacement: operation<{ representations: Representation[] }, Entities<DirectoryPersonPlacement>>(
    'PersonPlacement',
    `query PersonPlacement($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Person { roles organization { region { code } } }
  }
}`,
  ),

  /** The region an organisation lies in. */
  OrganizationRegion: operation<{ id: string }, { organization: { region: { code: string } } | null }>(
    'OrganizationRegion',
    `query OrganizationRegion($id: ID!) {
  organization(id: $id) { region { code } }
}`,
  ),

  /** A page (100) of the organisations in a region or below it. */
  OrganizationsOfRegion: operation<RegionPage, Page<DirectoryOrganization>>(
    'OrganizationsOfRegion',
    `query OrganizationsOfRegion($region: ID, $after: String) {
  page: organizations(regionCode: $region, first: 100, after: $after) {
    nodes { id name creditCode }
    pageInfo { hasNextPage endCursor }
  }
}`,
  ),

  /** A page (100) of the county leaders working in a region or below it. */
  CountyLeadersOfRegion: operation<RegionPage, Page<DirectoryName>>(
    'CountyLeadersOfRegion',
    `query CountyLeadersOfRegion($region: ID, $after: String) {
  page: people(regionCode: $region, role: COUNTY_LEADER, first: 100, after: $after) {
    nodes { id name }
    pageInfo { hasNextPage endCursor }
  }
}`,
  ),

  /**
   * Every region of one level: the region copy is filled level by level (people's `regions` takes no page
   * arguments; a level is the largest piece it answers in order).
   */
  RegionsOfLevel: operation<{ level: string }, { regions: DirectoryRegionRecord[] }>(
    'RegionsOfLevel',
    `query RegionsOfLevel($level: RegionLevel!) {
  regions(level: $level) { code name level parent { code } }
}`,
  ),

  /** Every region succession (merge), for the copy each subgraph keeps: statistics mapped onto today's regions. */
  RegionSuccessions: operation<
    Record<string, never>,
    { regionSuccessions: DirectoryRegionSuccessionRecord[] }
  >(
    'RegionSuccessions',
    `query RegionSuccessions {
  regionSuccessions { predecessorCode successorCode effectiveOn }
}`,
  ),

  /** Regions by code, as the copy holds them: what a copy that lacks one (yet) asks people directly. */
  RegionsByCode: operation<{ representations: Representation[] }, Entities<DirectoryRegionRecord>>(
    'RegionsByCode',
    `query RegionsByCode($representations: [_Any!]!) {
  _entities(representations: $representations) {
    ... on Region { code name level parent { code } }
  }
}`,
  ),
} as const;
