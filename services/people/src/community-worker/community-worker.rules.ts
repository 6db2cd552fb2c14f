import { z } from 'zod';
import { badInput, hasSomeValue, ruleIssue, SOME_VALUE_MESSAGE, updateRule } from '@county/kit';
import { dateOrIsoRule, regionCodeRule, uuidRule } from '@county/domain';
import { CommunityPostType, Education } from '../workforce/vocabulary';

const fields = {
  postType: z.enum(CommunityPostType),
  level: z.number().int().min(1).max(18),
  hiredOn: dateOrIsoRule,
  education: z.enum(Education),
  allRoundCertified: z.boolean().nullish(),
};

/**
 * A level outside its post type's range in the community's province is refused, naming `level` and the
 * range (the ranges are data: see post-levels.ts).
 */
export function assertLevelWithinPost(
  worker: { postType: CommunityPostType; level: number },
  { min, max }: { min: number; max: number },
): void {
  if (worker.level < min || worker.level > max) {
    throw badInput(
      'input.level',
      'post-range',
      `a ${worker.postType} post holds levels ${min}–${max} in this province, not ${worker.level}`,
    );
  }
}

export const createCommunityWorkerRule = z.object({
  personId: uuidRule,
  organizationId: uuidRule,
  ...fields,
});

/**
 * A worker requires every field (certification is yes or no, not unknown: send false, not null), so a null
 * clears nothing and is refused as `required`.
 */
export const communityWorkerChangesRule = updateRule(
  z.object({ ...fields, allRoundCertified: z.boolean() }).partial(),
).refine(hasSomeValue, SOME_VALUE_MESSAGE);

/** The record after the changes, checked as a whole (a new post type may leave the level outside). */
export const communityWorkerRule = z.object(fields);

/** A province's range for one post type: GB/T 2260 province code, 1 ≤ min ≤ max ≤ 18. */
export const postLevelRangeRule = z
  .object({
    provinceCode: z.string().regex(/^[1-9]\d0000$/, {
      message: 'must be a province code: two digits and 0000 (GB/T 2260)',
    }),
    postType: z.enum(CommunityPostType),
    min: z.number().int().min(1).max(18),
    max: z.number().int().min(1).max(18),
  })
  .superRefine((range, ctx) => {
    if (range.min > range.max) {
      ctx.addIssue({
        ...ruleIssue('min-not-above-max', `must not be below the lowest level ${range.min}`),
        path: ['max'],
      });
    }
  });

export const communityWorkersArgsRule = z.object({
  regionCode: regionCodeRule.nullish(),
  organizationId: uuidRule.nullish(),
  level: z.number().int().min(1).max(18).nullish(),
});

export const quotaRule = z.number().int().min(0).max(500);

/** A province's pay scale: whole yuan 0–100000 for level 1, each level above adding 0–1 of it. */
export const communityPayRule = z.object({
  provinceCode: postLevelRangeRule.shape.provinceCode,
  basePay: z.number().int().min(0).max(100000),
  payStep: z.number().min(0).max(1),
});
