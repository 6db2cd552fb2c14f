import { z } from 'zod';
import type { ReferenceResolver } from '@county/kit';

const isUuid = (value: unknown) => z.uuid().safeParse(value).success;

/*
 * References to the people subgraph's entities resolve to their key alone: this subgraph only adds fields
 * computed from its own tables, and people answers for whether the record exists.
 */
export const directoryReferences: Record<string, ReferenceResolver> = {
  Region: (reference) => (typeof reference.code === 'string' ? { code: reference.code } : null),
  Person: (reference) => (isUuid(reference.id) ? { id: String(reference.id) } : null),
  Organization: (reference) => (isUuid(reference.id) ? { id: String(reference.id) } : null),
};
