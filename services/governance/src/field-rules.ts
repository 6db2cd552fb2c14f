import { z } from 'zod';
import { levelOfRegionCode, REGION_CODE_MESSAGE, RegionLevel } from '@county/domain';
import { ruleIssue } from '@county/kit';

/* Field rules of governance; the ones every subgraph shares are in `@county/domain`. */

export const noteRule = z.string().trim().max(2000).nullish();

/** What is wrong with `code` as the code of a region of one of `levels`, or null. */
export function regionProblem(code: string, levels: readonly RegionLevel[]) {
  const level = levelOfRegionCode(code);
  if (!level) {
    return ruleIssue('format', REGION_CODE_MESSAGE);
  }
  if (!levels.includes(level)) {
    return ruleIssue('region-level', `must be the code of a ${levels.join(' or ').toLowerCase()}`);
  }
  return null;
}

/** A region code of one of `levels`. */
export const regionCodeOf = (...levels: RegionLevel[]) =>
  z.string().superRefine((code, ctx) => {
    const problem = regionProblem(code, levels);
    if (problem) ctx.addIssue(problem);
  });

export const anyRegionCode = regionCodeOf(
  RegionLevel.PROVINCE,
  RegionLevel.CITY,
  RegionLevel.COUNTY,
  RegionLevel.TOWNSHIP,
  RegionLevel.VILLAGE,
);

/** A moment that has already happened (a clock a few minutes fast is forgiven). */
export const pastMoment = z.date().refine((date) => date.getTime() <= Date.now() + 5 * 60_000, {
  message: 'must not be in the future',
  params: { rule: 'not-future' },
});
