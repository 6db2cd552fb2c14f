import { Entity, OneToOne, Property } from '@mikro-orm/core';
import { Field, ObjectType } from 'type-graphql';
import { GraphQLJSON } from 'graphql-scalars';
import type { MultiPolygon, Polygon } from 'geojson';
import { Region } from '../region/region.entity';

/**
 * A region's outline as GeoJSON, kept beside the region (one row per region code) and replaced whole
 * when the children of a region are uploaded together (see region-boundary.routes.ts).
 */
@Entity({ tableName: 'region_boundary' })
@ObjectType({
  description:
    '区划边界 — a region’s outline (GeoJSON Polygon or MultiPolygon, WGS 84 longitude/latitude) as the county supplied it',
})
export class RegionBoundary {
  @OneToOne(() => Region, {
    primary: true,
    mapToPk: true,
    owner: true,
    fieldName: 'region_code',
    deleteRule: 'cascade',
    updateRule: 'cascade',
  })
  regionCode!: string;

  @Property({ type: 'jsonb' })
  @Field(() => GraphQLJSON, { description: '几何 — the GeoJSON geometry (Polygon or MultiPolygon)' })
  geometry!: Polygon | MultiPolygon;

  @Property({ type: 'boolean' })
  @Field({
    description: '虚构 — true for the generated outlines of the fictional demo regions (no real geography)',
  })
  fictional!: boolean;

  @Property({ type: 'string', length: 200 })
  @Field({
    description: '来源 — where the outline comes from (surveying authority, 审图号, or the demo generator)',
  })
  source!: string;

  @Property({ type: 'string', length: 64 })
  @Field({
    description:
      '版本 — a hash of the geometry: equal digests mean equal outlines, so a client keeps geometry it has (its ETag)',
  })
  digest!: string;

  @Property({ type: 'Date', columnType: 'timestamptz' })
  updatedAt!: Date;
}
