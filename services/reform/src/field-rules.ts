import { z } from 'zod';
import { isRegionCode } from '@county/domain';

/** Field rules shared by the reform inputs; each failure names its rule. */
export const uuidRule = z.uuid({ message: 'must be a UUID' });
/** A calendar date: the Date scalar hands resolvers a Date at UTC midnight; rules keep YYYY-MM-DD. */
export const dateRule = z.union(
  [z.iso.date(), z.date().transform((date) => date.toISOString().slice(0, 10))],
  { message: 'must be a date YYYY-MM-DD' },
);
export const textRule = (max: number) => z.string().trim().min(1, { message: 'must not be empty' }).max(max);
export const yearRule = z.number().int().min(2000).max(2100);
export const regionCodeRule = z.string().refine(isRegionCode, {
  message: 'must be a division code: 6 digits (city, county), 9 (township) or 12 (village)',
  params: { rule: 'format' },
});
