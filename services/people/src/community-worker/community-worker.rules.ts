import { z } from 'zod';
import { hasSomeValue, ruleIssue, SOME_VALUE_MESSAGE } from '@county/kit';
import { dateOrIsoRule, regionCodeRule, uuidRule } from '@county/domain';
import { CommunityPostType, Education } from '../workforce/vocabulary';
import { POST_LEVELS } from './career';

const fields = {
  postType: z.enum(CommunityPostType),
  level: z.number().int().min(1).max(18),
  hiredOn: dateOrIsoRule,
  education: z.enum(Education),
  allRoundCertified: z.boolean().nullish(),
};

/** A level outside its post type's range is refused, naming `level` and the range. */
const levelWithinPost = (worker: { postType: CommunityPostType; level: number }, ctx: z.RefinementCtx) => {
  const { min, max } = POST_LEVELS[worker.postType];
  if (worker.level < min || worker.level > max) {
    ctx.addIssue({
      ...ruleIssue('post-range', `a ${worker.postType} post holds levels ${min}–${max}, not ${worker.level}`),
      path: ['level'],
    });
  }
};

export const createCommunityWorkerRule = z
  .object({ personId: uuidRule, organizationId: uuidRule, ...fields })
  .superRefine(levelWithinPost);

export const communityWorkerChangesRule = z.object(fields).partial().refine(hasSomeValue, SOME_VALUE_MESSAGE);

/** The record after the changes, checked as a whole (a new post type may leave the level outside). */
export const communityWorkerRule = z.object(fields).superRefine(levelWithinPost);

export const communityWorkersArgsRule = z.object({
  regionCode: regionCodeRule.nullish(),
  organizationId: uuidRule.nullish(),
  level: z.number().int().min(1).max(18).nullish(),
});

export const quotaRule = z.number().int().min(0).max(500);
