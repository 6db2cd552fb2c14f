import { Arg, Ctx, Field, ID, InputType, Int, Mutation, ObjectType, Query, Resolver } from 'type-graphql';
import { assertPerformAction, badInput, parseInput, type SubgraphContext } from '@county/kit';
import { permissions } from '../permissions';
import { CommunityPostType } from '../workforce/vocabulary';
import { flushVersioned, requireVersion } from '../workforce/versioned';
import { Region } from '../region/region.entity';
import { organizationInRegion } from '../workforce/region-filter';
import { CommunityWorker } from './community-worker.entity';
import { PostLevelRange } from './post-level-range.entity';
import { postLevelsOf } from './post-levels';
import { postLevelRangeRule } from './community-worker.rules';

@ObjectType({ description: '岗位等级范围 — the levels a community-worker post type holds in a province' })
export class CommunityPostLevels {
  @Field(() => ID, { description: '省级行政区划代码 — the province (XX0000)' })
  provinceCode!: string;

  @Field(() => CommunityPostType, { description: '岗位类别 — post type' })
  postType!: CommunityPostType;

  @Field(() => Int, { description: '最低等级 — lowest level' })
  min!: number;

  @Field(() => Int, { description: '最高等级 — highest level' })
  max!: number;

  @Field({ description: '本省设定 — set by the province; false: the national guidance applies' })
  setByProvince!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: '版本 — send it back to change the province’s range; null while none is set',
  })
  version!: number | null;
}

@InputType({ description: '设定岗位等级范围 — one post type’s levels in one province (role hr)' })
export class CommunityPostLevelsInput {
  @Field(() => ID, { description: 'The province: its GB/T 2260 code, two digits and 0000' })
  provinceCode!: string;

  @Field(() => CommunityPostType)
  postType!: CommunityPostType;

  @Field(() => Int, { description: '1–18' })
  min!: number;

  @Field(() => Int, { description: '1–18, not below min' })
  max!: number;
}

const asLevels = (row: PostLevelRange): CommunityPostLevels => ({
  provinceCode: row.provinceCode,
  postType: row.postType,
  min: row.min,
  max: row.max,
  setByProvince: true,
  version: row.version,
});

@Resolver(() => CommunityPostLevels)
export class CommunityPostLevelsResolver {
  @Query(() => [CommunityPostLevels], {
    description:
      '三岗十八级等级范围 — the levels each post type holds in a province: its own where set, the national guidance otherwise',
  })
  async communityPostLevels(
    @Arg('provinceCode', () => ID) provinceCode: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CommunityPostLevels[]> {
    parseInput(postLevelRangeRule.shape.provinceCode, provinceCode, 'provinceCode');
    const ranges = await postLevelsOf(ctx, provinceCode);
    const rows = await ctx.em.find(PostLevelRange, { provinceCode });
    return Object.values(CommunityPostType).map((postType) => ({
      provinceCode,
      postType,
      ...ranges[postType],
      version: rows.find((row) => row.postType === postType)?.version ?? null,
    }));
  }

  @Mutation(() => CommunityPostLevels, {
    description:
      '设定岗位等级范围 — a province’s levels for one post type; to change a set one, send its version (role hr). Refused while it would leave a worker of the province outside',
  })
  async setCommunityPostLevels(
    @Arg('input') input: CommunityPostLevelsInput,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CommunityPostLevels> {
    assertPerformAction(ctx, permissions, 'post-levels.write');
    const data = parseInput(postLevelRangeRule, input, 'input');
    const prefix = `${data.provinceCode.slice(0, 2)}%`;
    if (!(await ctx.em.count(Region, { code: { $like: prefix } }))) {
      throw badInput(
        'input.provinceCode',
        'exists',
        `no region of the directory lies in ${data.provinceCode}`,
      );
    }
    const existing = await ctx.em.findOne(PostLevelRange, {
      provinceCode: data.provinceCode,
      postType: data.postType,
    });
    if (existing) {
      if (version === null || version === undefined) {
        throw badInput('version', 'required', 'the province has set this range: send the version you read');
      }
      requireVersion(existing, version);
    }
    await assertCoversWorkers(ctx, prefix, data);
    if (!existing) {
      const created = ctx.em.create(PostLevelRange, { id: crypto.randomUUID(), ...data });
      await ctx.em.flush();
      return asLevels(created);
    }
    ctx.em.assign(existing, { min: data.min, max: data.max });
    await flushVersioned(ctx, existing);
    return asLevels(existing);
  }
}

/** A range may not leave out a worker of the province who holds the post now: regrade them first. */
async function assertCoversWorkers(
  ctx: SubgraphContext,
  provincePrefix: string,
  range: { postType: CommunityPostType; min: number; max: number },
): Promise<void> {
  const outside = await ctx.em
    .createQueryBuilder(CommunityWorker, 'w')
    .select('w.level')
    .where({ postType: range.postType, $or: [{ level: { $lt: range.min } }, { level: { $gt: range.max } }] })
    .andWhere(organizationInRegion('w.organization_id'), [provincePrefix])
    .execute<{ level: number }[]>('all');
  if (!outside.length) return;
  const below = outside.some((worker) => worker.level < range.min);
  throw badInput(
    below ? 'input.min' : 'input.max',
    'covers-workers',
    `${outside.length} ${range.postType} worker(s) of the province hold levels outside ${range.min}–${range.max}: regrade them first`,
  );
}
