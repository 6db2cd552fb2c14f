import { z } from 'zod';
import { isoDay } from './china-day';
import { isRegionCode } from './region-code';

/*
 * Field rules (zod) every subgraph shares. A failure the kit's `parseInput` reports names its rule: zod's own
 * checks map to `format`, `min`, `max` …; custom ones carry `params.rule`.
 */

export const uuidRule = z.uuid({ message: 'must be a UUID' });

/** Trimmed text, not empty, of at most `max` characters: a name, a title, a reason. */
export const textRule = (max: number) => z.string().trim().min(1, { message: 'must not be empty' }).max(max);

export const REGION_CODE_MESSAGE =
  'must be a division code: 6 digits (city, county), 9 (township) or 12 (village)';

/** A well-formed city, county, township or village code (rule `format`). */
export const regionCodeRule = z
  .string()
  .refine(isRegionCode, { message: REGION_CODE_MESSAGE, params: { rule: 'format' } });

/** A plan, ledger or statistics year. */
export const yearRule = z.number().int().min(2000).max(2100);

const DATE_MESSAGE = 'must be a date YYYY-MM-DD';

/** A calendar date written as a YYYY-MM-DD string (a query parameter, an option). */
export const isoDateRule = z.iso.date({ message: DATE_MESSAGE });

/** A GraphQL Date value, and nothing else, kept as the YYYY-MM-DD it stands for. */
export const dateScalarRule = z.date({ message: DATE_MESSAGE }).transform(isoDay);

/** A GraphQL Date value or a YYYY-MM-DD string, kept as YYYY-MM-DD. */
export const dateOrIsoRule = z.union([isoDateRule, z.date().transform(isoDay)], { message: DATE_MESSAGE });
