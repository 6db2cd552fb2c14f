import { z } from 'zod';
import { chinaDay, dateScalarRule, regionCodePrefix } from '@county/domain';
import { escapeLike, ruleIssue } from '@county/kit';

/**
 * Field rules of the pilots' inputs; each failure names its rule. The ones every subgraph shares (UUIDs,
 * region codes, dates, texts) are in `@county/domain`.
 */
export const versionRule = z.number().int().min(1);

/** A day (GraphQL Date) that has begun in China: not later than today. */
export const pastDateRule = dateScalarRule.superRefine((day, ctx) => {
  if (day > chinaDay()) ctx.addIssue(ruleIssue('not-future', 'must not be later than today'));
});

/**
 * The year of a lead, a pilot, a ledger or the statistics. Pilots reach back to the reform era (from 1978),
 * before the plans of the other subgraphs (`yearRule` of `@county/domain`, from 2000).
 */
export const pilotYearRule = z.number().int().min(1978).max(2100);

/** LIKE pattern for a region and everything below it (division codes are hierarchical prefixes). */
export const regionLike = (code: string): string => `${escapeLike(regionCodePrefix(code) ?? code)}%`;

/** ILIKE pattern for a name containing `text` literally. */
export const containsText = (text: string): string => `%${escapeLike(text)}%`;
