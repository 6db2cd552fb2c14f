import { regionCodeRule, textRule } from '@county/domain';
import { assertPerformAction, assertSignedIn, badInput, parseInput, type FileRoute } from '@county/kit';
import { permissions } from '../permissions';
import { Region } from '../region/region.entity';
import { RegionBoundary } from './region-boundary.entity';
import { replaceChildOutlines } from './region-boundary.store';

const PATH = 'region-boundaries.geojson';

const parentOf = (query: URLSearchParams) => parseInput(regionCodeRule, query.get('parent') ?? '', 'parent');

/**
 * POST /files/region-boundaries.geojson?parent=<code>[&source=<text>]: a GeoJSON FeatureCollection with one
 * feature per region directly under `parent` (`properties.code`), from the surveying and mapping authority
 * (`source`, e.g. its 审图号). Validated whole (see validateChildOutlines) and stored all or nothing; role hr.
 * GET with the same `parent` gives back what is stored, as a FeatureCollection.
 */
export const regionBoundaryRoutes: FileRoute[] = [
  {
    method: 'POST',
    path: PATH,
    accept({ identity, query }) {
      assertPerformAction({ identity }, permissions, 'region-boundary.write');
      return {
        parent: parentOf(query),
        source: parseInput(textRule(200), query.get('source') ?? '区划边界上传', 'source'),
      };
    },
    async handle({ em, body, accepted }) {
      const { parent, source } = accepted as { parent: string; source: string };
      let upload: unknown;
      try {
        upload = JSON.parse(body.toString('utf8'));
      } catch {
        throw badInput('body', 'json', 'the upload is not JSON (a GeoJSON FeatureCollection is expected)');
      }
      return { json: await replaceChildOutlines(em, parent, upload, { source, fictional: false }) };
    },
  },
  {
    method: 'GET',
    path: PATH,
    async handle({ em, identity, query }) {
      assertSignedIn({ identity });
      const parent = parentOf(query);
      const children = await em.find(
        Region,
        { parentCode: parent, validTo: null },
        { orderBy: { code: 'asc' } },
      );
      const outlines = await em.find(RegionBoundary, { regionCode: { $in: children.map((c) => c.code) } });
      const byCode = new Map(outlines.map((outline) => [outline.regionCode, outline]));
      const features = children.flatMap((child) => {
        const outline = byCode.get(child.code);
        if (!outline) return [];
        const { source, fictional, digest } = outline;
        const properties = { code: child.code, name: child.name, source, fictional, digest };
        return [{ type: 'Feature', properties, geometry: outline.geometry }];
      });
      return {
        file: Buffer.from(JSON.stringify({ type: 'FeatureCollection', features })),
        filename: `区划边界-${parent}.geojson`,
        contentType: 'application/geo+json',
      };
    },
  },
];
