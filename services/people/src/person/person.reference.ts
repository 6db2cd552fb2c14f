import { z } from 'zod';
import { entityLoader, type ReferenceResolver } from '@county/kit';
import { Person } from './person.entity';

const isUuid = (value: unknown) => z.uuid().safeParse(value).success;

/**
 * People referenced from other subgraphs. The personal fields are masked by the Person field resolvers,
 * which run for `_entities` too, so the reference itself needs no role: names and posts are public.
 */
export const resolvePersonReference: ReferenceResolver = (reference, ctx) =>
  isUuid(reference.id) ? entityLoader(ctx, Person, 'id').load(String(reference.id)) : null;
