import { entityLoader, type ReferenceResolver } from '@county/kit';
import { Organization } from './organization.entity';

/** Organisations are public records: references resolve for every caller. */
export const resolveOrganizationReference: ReferenceResolver = (reference, ctx) =>
  entityLoader(ctx, Organization, 'id').load(String(reference.id));
