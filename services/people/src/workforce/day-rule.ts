import { z } from 'zod';
import { dateRule } from '../field-rules';

/** A calendar day: the Date scalar hands resolvers a Date, stored values are `YYYY-MM-DD` strings. */
export const dayRule = z.union([dateRule, z.date().transform((d) => d.toISOString().slice(0, 10))]);
