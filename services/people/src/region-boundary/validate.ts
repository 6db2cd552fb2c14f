import { createHash } from 'node:crypto';
import { area, booleanValid, difference, featureCollection, feature as asFeature, kinks } from '@turf/turf';
import type { MultiPolygon, Polygon } from 'geojson';
import { badInput } from '@county/kit';

export type Outline = Polygon | MultiPolygon;

/**
 * How much of a child may lie outside its parent (share of the child's area): outlines drawn at different
 * scales or simplified differently disagree along the shared border by a sliver, never by more.
 */
export const OUTSIDE_TOLERANCE = 0.005;

export interface ChildRegion {
  code: string;
  name: string;
}

/** A hash of the outline (its ETag): the same geometry always gives the same digest. */
export function outlineDigest(geometry: Outline): string {
  return createHash('sha256').update(JSON.stringify(geometry)).digest('hex').slice(0, 32);
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The outlines of a region's children from an uploaded FeatureCollection, or a BAD_USER_INPUT naming the
 * first feature that breaks a rule (`features[i]…`, its code in the message) and the rule:
 * `feature-collection`, `required` (properties.code), `child-of-parent`, `one-per-child`, `polygon`,
 * `valid-geometry`, `within-parent`. Every child region needs exactly one feature.
 */
export function validateChildOutlines(
  upload: unknown,
  parent: { code: string; name: string; outline: Outline | null },
  children: readonly ChildRegion[],
): Map<string, Outline> {
  if (!isRecord(upload) || upload.type !== 'FeatureCollection' || !Array.isArray(upload.features)) {
    throw badInput('body', 'feature-collection', 'the upload must be a GeoJSON FeatureCollection');
  }
  const childCodes = new Set(children.map((child) => child.code));
  const outlines = new Map<string, Outline>();
  const indexOf = new Map<string, number>();
  upload.features.forEach((item: unknown, i) => {
    const at = `features[${i}]`;
    if (!isRecord(item) || item.type !== 'Feature')
      throw badInput(at, 'feature', `feature ${i} is not a GeoJSON Feature`);
    const raw = isRecord(item.properties) ? item.properties.code : undefined;
    if (typeof raw !== 'string' && typeof raw !== 'number')
      throw badInput(
        `${at}.properties.code`,
        'required',
        `feature ${i} has no region code (properties.code)`,
      );
    const code = String(raw);
    const named = `feature ${i} (code ${code})`;
    if (!childCodes.has(code))
      throw badInput(
        `${at}.properties.code`,
        'child-of-parent',
        `${named} is not a region directly under ${parent.code} ${parent.name}`,
      );
    if (indexOf.has(code))
      throw badInput(
        `${at}.properties.code`,
        'one-per-child',
        `${named} repeats feature ${indexOf.get(code)}: one feature per region`,
      );
    indexOf.set(code, i);
    const geometry = item.geometry;
    if (!isRecord(geometry) || (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon'))
      throw badInput(`${at}.geometry`, 'polygon', `${named}: the geometry must be a Polygon or MultiPolygon`);
    const outline = geometry as unknown as Outline;
    if (!isValid(outline))
      throw badInput(
        `${at}.geometry`,
        'valid-geometry',
        `${named}: the geometry is not valid (rings must close, have 4 or more positions and not cross themselves)`,
      );
    if (parent.outline) {
      const outside = shareOutside(outline, parent.outline);
      if (outside > OUTSIDE_TOLERANCE)
        throw badInput(
          `${at}.geometry`,
          'within-parent',
          `${named} lies ${(outside * 100).toFixed(1)}% outside ${parent.name}'s boundary (at most ${OUTSIDE_TOLERANCE * 100}%)`,
        );
    }
    outlines.set(code, outline);
  });
  const missing = children.filter((child) => !outlines.has(child.code));
  if (missing.length)
    throw badInput(
      'features',
      'one-per-child',
      `no feature for ${missing.map((child) => `${child.code} ${child.name}`).join(', ')}: one feature per region under ${parent.code}`,
    );
  return outlines;
}

/**
 * turf's validity check (closed rings of 4 or more positions, holes inside), which throws instead of
 * answering on coordinates that are not numbers and lets a ring crossing itself pass: `kinks` finds those.
 */
function isValid(outline: Outline): boolean {
  try {
    const rings = outline.type === 'Polygon' ? [outline.coordinates] : outline.coordinates;
    const positionsOk = rings.every(
      (polygon) =>
        Array.isArray(polygon) &&
        polygon.every(
          (ring) =>
            Array.isArray(ring) &&
            ring.every(
              (position) =>
                Array.isArray(position) &&
                position.length >= 2 &&
                Math.abs(position[0]) <= 180 &&
                Math.abs(position[1]) <= 90,
            ),
        ),
    );
    return positionsOk && booleanValid(outline) && kinks(outline).features.length === 0;
  } catch {
    return false;
  }
}

/** The share of `child`'s area outside `parent` (0 when wholly inside). */
function shareOutside(child: Outline, parent: Outline): number {
  const total = area(child);
  if (total === 0) return 0;
  const outside = difference(featureCollection([asFeature(child), asFeature(parent)]));
  return outside ? area(outside) / total : 0;
}
