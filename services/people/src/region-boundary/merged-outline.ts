import type { EntityManager } from '@mikro-orm/postgresql';
import { feature, featureCollection, union } from '@turf/turf';
import { RegionBoundary } from './region-boundary.entity';
import { outlineDigest } from './validate';

/**
 * The outline of a region merged from others (撤乡并镇): the union of theirs, so today's map has no hole
 * where a merged-away township was. Only when every merged region had one; the successor's own outline (an
 * absorbing region's) is replaced. Marked fictional when any part was.
 */
export async function storeMergedOutline(
  em: EntityManager,
  successorCode: string,
  mergedCodes: string[],
  decisionDocument: string,
): Promise<void> {
  const outlines = await em.find(RegionBoundary, { regionCode: { $in: mergedCodes } });
  if (outlines.length !== mergedCodes.length) return;
  const merged = union(featureCollection(outlines.map((outline) => feature(outline.geometry))));
  if (!merged) return;
  const outline = {
    geometry: merged.geometry,
    fictional: outlines.some((part) => part.fictional),
    source: `合并（${decisionDocument}）`.slice(0, 200),
    digest: outlineDigest(merged.geometry),
    updatedAt: new Date(),
  };
  // an absorbing region's own outline is one of the parts, already managed: it is updated in place
  const own =
    outlines.find((part) => part.regionCode === successorCode) ??
    (await em.findOne(RegionBoundary, { regionCode: successorCode }));
  if (own) Object.assign(own, outline);
  else em.create(RegionBoundary, { regionCode: successorCode, ...outline });
  await em.flush();
}
