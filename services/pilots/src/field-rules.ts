import { z } from 'zod';
import { levelOfRegionCode, regionCodePrefix } from '@county/domain';
import { escapeLike, ruleIssue } from '@county/kit';

/** Field rules shared by this subgraph's inputs; each failure names its rule. */
export const uuidRule = z.uuid({ message: 'must be a UUID' });
export const textRule = (max: number) => z.string().trim().min(1, { message: 'must not be empty' }).max(max);
export const versionRule = z.number().int().min(1);

export const regionCodeRule = z.string().superRefine((code, ctx) => {
  if (!levelOfRegionCode(code)) {
    ctx.addIssue(
      ruleIssue('format', 'must be a division code: 6 digits (city, county), 9 (township) or 12 (village)'),
    );
  }
});

/** The China calendar day (UTC+8): what "today" and "this month" mean to a county office. */
export function chinaToday(now = new Date()): string {
  return new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10);
}

/** GraphQL's Date scalar gives a Date at UTC midnight; rows keep the ISO day. */
export const dateRule = z
  .date({ message: 'must be a date YYYY-MM-DD' })
  .transform((d) => d.toISOString().slice(0, 10));

export const pastDateRule = dateRule.superRefine((day, ctx) => {
  if (day > chinaToday()) ctx.addIssue(ruleIssue('not-future', 'must not be later than today'));
});

export const currentYear = (): number => Number(chinaToday().slice(0, 4));

/** A statistics or calendar year argument. */
export const yearRule = z.number().int().min(1978).max(2100);

/** LIKE pattern for a region and everything below it (division codes are hierarchical prefixes). */
export const regionLike = (code: string): string => `${escapeLike(regionCodePrefix(code) ?? code)}%`;

/** ILIKE pattern for a name containing `text` literally. */
export const containsText = (text: string): string => `%${escapeLike(text)}%`;
