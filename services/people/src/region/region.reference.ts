import { entityLoader, type ReferenceResolver } from '@county/kit';
import { Region } from './region.entity';

/** Regions are public: other subgraphs' references resolve for every caller. */
export const resolveRegionReference: ReferenceResolver = (reference, ctx) =>
  entityLoader(ctx, Region, 'code').load(String(reference.code));
