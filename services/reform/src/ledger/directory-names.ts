import type { Directory } from '@county/kit';

interface Named {
  id: string;
  name: string;
  creditCode?: string | null;
}

interface PageOf<T> {
  page: { nodes: T[]; pageInfo: { hasNextPage: boolean; endCursor: string | null } };
}

/** Names of directory records by id (for the export): one request for all of them. */
export async function namesById(
  directory: Directory,
  organizationIds: string[],
  personIds: string[],
): Promise<Map<string, string>> {
  const representations = [
    ...[...new Set(organizationIds)].map((id) => ({ __typename: 'Organization', id })),
    ...[...new Set(personIds)].map((id) => ({ __typename: 'Person', id })),
  ];
  if (!representations.length) return new Map();
  const data = await directory.query<{ _entities: (Named | null)[] }>(
    `query ($r: [_Any!]!) { _entities(representations: $r) { ... on Organization { id name } ... on Person { id name } } }`,
    { r: representations },
  );
  return new Map(data._entities.filter((e): e is Named => e !== null).map((e) => [e.id, e.name]));
}

async function allPages<T>(
  directory: Directory,
  query: string,
  variables: Record<string, unknown>,
): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  do {
    const data: PageOf<T> = await directory.query<PageOf<T>>(query, { ...variables, after });
    out.push(...data.page.nodes);
    after = data.page.pageInfo.hasNextPage ? data.page.pageInfo.endCursor : null;
  } while (after);
  return out;
}

/**
 * The directory records an imported ledger may name, for the region the ledger belongs to: its
 * organisations (by name or unified social credit code) and its county leaders (by name).
 */
export async function directoryOfRegion(directory: Directory, regionCode: string) {
  const [organizations, leaders] = await Promise.all([
    allPages<Named>(
      directory,
      `query ($region: ID, $after: String) { page: organizations(regionCode: $region, first: 100, after: $after) { nodes { id name creditCode } pageInfo { hasNextPage endCursor } } }`,
      { region: regionCode },
    ),
    allPages<Named>(
      directory,
      `query ($region: ID, $after: String) { page: people(regionCode: $region, role: COUNTY_LEADER, first: 100, after: $after) { nodes { id name } pageInfo { hasNextPage endCursor } } }`,
      { region: regionCode },
    ),
  ]);
  const unit = new Map<string, string[]>();
  for (const o of organizations) {
    for (const key of [o.name, o.creditCode]) {
      if (key) unit.set(key, [...(unit.get(key) ?? []), o.id]);
    }
  }
  const leader = new Map<string, string[]>();
  for (const p of leaders) leader.set(p.name, [...(leader.get(p.name) ?? []), p.id]);
  return { unit, leader };
}

export type RegionDirectory = Awaited<ReturnType<typeof directoryOfRegion>>;
