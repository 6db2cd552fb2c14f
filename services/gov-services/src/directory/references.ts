import type { ReferenceResolver } from '@county/kit';

/** The directory's entities resolve from their key alone: this subgraph only adds fields to them. */
export const regionReference: ReferenceResolver = (reference) => ({ code: String(reference.code) });
export const idReference: ReferenceResolver = (reference) => ({ id: String(reference.id) });
