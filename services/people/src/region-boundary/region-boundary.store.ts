import type { EntityManager } from '@mikro-orm/postgresql';
import { bulkInsert, notFound } from '@county/kit';
import { Region } from '../region/region.entity';
import { RegionBoundary } from './region-boundary.entity';
import { outlineDigest, validateChildOutlines } from './validate';

export interface OutlineSource {
  source: string;
  fictional: boolean;
}

/**
 * Validates the outlines of every child of `parentCode` and replaces theirs with them in one transaction:
 * a refused upload (BAD_USER_INPUT, see validateChildOutlines) changes nothing.
 */
export async function replaceChildOutlines(
  em: EntityManager,
  parentCode: string,
  upload: unknown,
  origin: OutlineSource,
): Promise<{ parentCode: string; stored: { code: string; digest: string }[] }> {
  const parent = await em.findOne(Region, { code: parentCode });
  if (!parent) throw notFound('parent', `no region has code ${parentCode}`);
  // today's children: a township merged away (validTo set) has no outline on today's map
  const children = await em.find(Region, { parentCode, validTo: null }, { orderBy: { code: 'asc' } });
  const parentOutline = await em.findOne(RegionBoundary, { regionCode: parentCode });
  const outlines = validateChildOutlines(
    upload,
    { code: parent.code, name: parent.name, outline: parentOutline?.geometry ?? null },
    children,
  );
  const rows = [...outlines].map(([code, geometry]) => ({
    region_code: code,
    geometry,
    fictional: origin.fictional,
    source: origin.source,
    digest: outlineDigest(geometry),
    updated_at: new Date().toISOString(),
  }));
  await em.transactional(async (tx) => {
    await tx.nativeDelete(RegionBoundary, { regionCode: { $in: rows.map((row) => row.region_code) } });
    await bulkInsert(tx, 'region_boundary', rows);
  });
  return { parentCode, stored: rows.map((row) => ({ code: row.region_code, digest: row.digest })) };
}
