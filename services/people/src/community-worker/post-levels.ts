import { entityGroupLoader, type SubgraphContext } from '@county/kit';
import { CommunityPostType } from '../workforce/vocabulary';
import { POST_LEVELS } from './career';
import { PostLevelRange } from './post-level-range.entity';

export type LevelRange = { min: number; max: number };

/** The province (GB/T 2260 `XX0000`) a region lies in: its code's first two digits. */
export const provinceOf = (regionCode: string): string => `${regionCode.slice(0, 2)}0000`;

/** The province's ranges for every post type: its own where it set one, the national guidance otherwise. */
export async function postLevelsOf(
  ctx: SubgraphContext,
  provinceCode: string,
): Promise<Record<CommunityPostType, LevelRange & { setByProvince: boolean }>> {
  const rows = await entityGroupLoader(ctx, PostLevelRange, 'provinceCode', { postType: 'asc' }).load(
    provinceCode,
  );
  const ranges = {} as Record<CommunityPostType, LevelRange & { setByProvince: boolean }>;
  for (const postType of Object.values(CommunityPostType)) {
    const own = rows.find((row) => row.postType === postType);
    ranges[postType] = own
      ? { min: own.min, max: own.max, setByProvince: true }
      : { ...POST_LEVELS[postType], setByProvince: false };
  }
  return ranges;
}

/** The range of `postType` in the province of `regionCode`. */
export async function postLevelRange(
  ctx: SubgraphContext,
  regionCode: string,
  postType: CommunityPostType,
): Promise<LevelRange> {
  return (await postLevelsOf(ctx, provinceOf(regionCode)))[postType];
}
