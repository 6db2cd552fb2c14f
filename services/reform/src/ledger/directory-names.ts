import type { Directory, DirectoryPage } from '@county/kit';

async function allPages<T>(page: (after: string | null) => Promise<DirectoryPage<T>>): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  do {
    const data: DirectoryPage<T> = await page(after);
    out.push(...data.nodes);
    after = data.pageInfo.hasNextPage ? data.pageInfo.endCursor : null;
  } while (after);
  return out;
}

/**
 * The directory records an imported ledger may name, for the region the ledger belongs to: its
 * organisations (by name or unified social credit code) and its county leaders (by name).
 */
export async function directoryOfRegion(directory: Directory, regionCode: string) {
  const [organizations, leaders] = await Promise.all([
    allPages((after) => directory.organizationsOf(regionCode, after)),
    allPages((after) => directory.countyLeadersOf(regionCode, after)),
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
