import {
  bbox,
  booleanPointInPolygon,
  feature,
  featureCollection,
  intersect,
  point,
  truncate,
  voronoi,
} from '@turf/turf';
import type { Feature, Point, Polygon } from 'geojson';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Random } from '@county/demo-data';
import { bulkInsert } from '@county/kit';
import { Region } from '../region/region.entity';
import { RegionBoundary } from '../region-boundary/region-boundary.entity';
import { replaceChildOutlines } from '../region-boundary/region-boundary.store';
import { outlineDigest, type Outline } from '../region-boundary/validate';
import { RegionLevel } from '../vocabulary';

/** Said on every generated outline: the demo city is invented, and so is its geography. */
export const FICTIONAL_SOURCE = '虚构示意边界（演示数据，非真实地理，不可作为地图发布）';
const ORIGIN = { source: FICTIONAL_SOURCE, fictional: true };

/** Where the invented city is drawn: only so that the map has a plausible scale (about 110 × 90 km). */
const CENTRE: [number, number] = [113.4, 27.9];
const RADIUS_DEGREES = 0.5;

/**
 * Loads outlines for the demo city, its counties and their townships, generated from the region codes
 * (the same every time): the city is a rounded irregular outline, each level below a Voronoi partition of
 * its parent clipped to it. They go in through the same validation as an upload. Nothing when any outline
 * exists already (a county's own would never be overwritten by invented ones).
 */
export async function seedFictionalBoundaries(orm: MikroORM): Promise<number> {
  const em = orm.em.fork();
  if ((await em.count(RegionBoundary, {})) > 0) return 0;
  // the top of the tree: the city, or the province around it when the demo has one
  const city = await em.findOne(Region, { parentCode: null }, { orderBy: { code: 'asc' } });
  if (!city) return 0;
  const cityOutline = outlineOf(city.code);
  await bulkInsert(em, 'region_boundary', [
    {
      region_code: city.code,
      geometry: cityOutline,
      ...ORIGIN,
      digest: outlineDigest(cityOutline),
      updated_at: new Date().toISOString(),
    },
  ]);
  let stored = 1;
  const below = [{ code: city.code, outline: cityOutline as Outline }];
  while (below.length) {
    const parent = below.shift()!;
    const children = await em.find(Region, { parentCode: parent.code }, { orderBy: { code: 'asc' } });
    // townships are the lowest level the map draws
    if (children.length === 0 || children[0].level === RegionLevel.VILLAGE) continue;
    const outlines = partition(parent.code, parent.outline, children.length);
    const upload = featureCollection(
      children.map((child, i) => feature(outlines[i], { code: child.code, name: child.name })),
    );
    await replaceChildOutlines(em, parent.code, upload, ORIGIN);
    stored += children.length;
    children.forEach((child, i) => below.push({ code: child.code, outline: outlines[i] }));
  }
  return stored;
}

/** A rounded, irregular outline around CENTRE (longitude stretched so that it looks round on a map). */
function outlineOf(code: string): Polygon {
  const random = new Random(`boundary:${code}`);
  const corners = 36;
  const wobble = Array.from({ length: 6 }, () => [random.next() * 0.12, random.next() * Math.PI * 2]);
  const ring = Array.from({ length: corners }, (_, i) => {
    const angle = (i / corners) * Math.PI * 2;
    const r =
      RADIUS_DEGREES *
      (1 + wobble.reduce((sum, [a, phase], k) => sum + a * Math.sin((k + 2) * angle + phase), 0));
    const stretch = 1 / Math.cos((CENTRE[1] * Math.PI) / 180);
    return [CENTRE[0] + r * Math.cos(angle) * stretch * 1.15, CENTRE[1] + r * Math.sin(angle)];
  });
  return truncate(feature<Polygon>({ type: 'Polygon', coordinates: [[...ring, ring[0]]] }), {
    precision: 5,
  }).geometry;
}

/** `count` pieces of `outline`: the Voronoi cells of seeded points inside it, clipped to it. */
function partition(code: string, outline: Outline, count: number): Outline[] {
  if (count === 1) return [outline];
  const random = new Random(`partition:${code}`);
  const box = bbox(outline) as [number, number, number, number];
  const spacing = Math.sqrt(((box[2] - box[0]) * (box[3] - box[1])) / count) * 0.45;
  const sites: Feature<Point>[] = [];
  for (let attempt = 0; sites.length < count && attempt < 20_000; attempt++) {
    const site = point([
      box[0] + random.next() * (box[2] - box[0]),
      box[1] + random.next() * (box[3] - box[1]),
    ]);
    if (!booleanPointInPolygon(site, outline)) continue;
    const near = sites.some(
      (other) =>
        Math.hypot(
          other.geometry.coordinates[0] - site.geometry.coordinates[0],
          other.geometry.coordinates[1] - site.geometry.coordinates[1],
        ) < (attempt < 10_000 ? spacing : spacing / 4),
    );
    if (!near) sites.push(site);
  }
  // west to east, then the codes in order: neighbouring codes tend to be neighbours on the map
  sites.sort((a, b) => a.geometry.coordinates[0] - b.geometry.coordinates[0]);
  const cells = voronoi(featureCollection(sites), { bbox: box });
  return cells.features.map((cell) => {
    const piece = intersect(featureCollection([cell, feature(outline)]));
    if (!piece) throw new Error(`fictional boundaries: an empty cell under ${code}`);
    return truncate(piece, { precision: 5 }).geometry as Outline;
  });
}
