import { Ctx, FieldResolver, Float, Resolver, Root } from 'type-graphql';
import { pointOnFeature } from '@turf/turf';
import { entityLoader, type SubgraphContext } from '@county/kit';
import { Region } from '../region/region.entity';
import { RegionBoundary } from './region-boundary.entity';

@Resolver(() => Region)
export class RegionBoundaryResolver {
  @FieldResolver(() => RegionBoundary, {
    nullable: true,
    description:
      '边界 — the region’s outline for maps; null until one is uploaded (POST /files/people/region-boundaries.geojson)',
  })
  boundary(@Root() region: Region, @Ctx() ctx: SubgraphContext): Promise<RegionBoundary | null> {
    return entityLoader(ctx, RegionBoundary, 'regionCode').load(region.code);
  }
}

@Resolver(() => RegionBoundary)
export class RegionBoundaryFields {
  @FieldResolver(() => [Float], {
    description:
      '标注点 — [longitude, latitude] of a point surely inside the outline, where a map puts the region’s name',
  })
  labelPoint(@Root() boundary: RegionBoundary): number[] {
    return pointOnFeature(boundary.geometry).geometry.coordinates;
  }
}
