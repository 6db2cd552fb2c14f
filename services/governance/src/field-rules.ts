import { z } from 'zod';
import { levelOfRegionCode, RegionLevel } from '@county/domain';
import { ruleIssue } from '@county/kit';

export const uuidRule = z.uuid({ message: 'must be a UUID' });
export const nameRule = (max: number) => z.string().trim().min(1, { message: 'must not be empty' }).max(max);
export const noteRule = z.string().trim().max(2000).nullish();

/** What is wrong with `code` as the code of a region of one of `levels`, or null. */
export function regionProblem(code: string, levels: readonly RegionLevel[]) {
  const level = levelOfRegionCode(code);
  if (!level) {
    return ruleIssue(
      'format',
      'must be a division code: 6 digits (city, county), 9 (township) or 12 (village)',
    );
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

/** The `YYYY-MM-DD` a Date scalar argument stands for. */
export const isoDay = (date: Date): string => date.toISOString().slice(0, 10);
