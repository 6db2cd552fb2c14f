import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { LockMode } from '@mikro-orm/core';
import { OrganizationType, uuidRule } from '@county/domain';
import {
  assertPerformAction,
  badInput,
  findForUpdate,
  parseInput,
  presentFields,
  requireExisting,
} from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { Organization } from '../organization/organization.entity';
import { Person } from '../person/person.entity';
import { permissions } from '../permissions';
import { flushVersioned, requireVersion } from '../workforce/versioned';
import { CommunityWorker } from './community-worker.entity';
import { CommunityQuota } from './community-quota.entity';
import { CreateCommunityWorkerInput, UpdateCommunityWorkerInput } from './community-worker.args';
import { postLevelRange } from './post-levels';
import {
  assertLevelWithinPost,
  communityWorkerChangesRule,
  communityWorkerRule,
  createCommunityWorkerRule,
  quotaRule,
} from './community-worker.rules';

async function requireCommunity(ctx: SubgraphContext, organizationId: string, field: string) {
  const organization = await requireExisting(ctx, Organization, 'id', organizationId, field);
  if (organization.type !== OrganizationType.COMMUNITY_COMMITTEE) {
    throw badInput(
      field,
      'community',
      'community workers and quotas belong to a 居民委员会 (COMMUNITY_COMMITTEE)',
    );
  }
  return organization;
}

const countOnRoll = (ctx: SubgraphContext, organizationId: string) =>
  ctx.em.count(CommunityWorker, { organizationId });

@Resolver(() => CommunityWorker)
export class CommunityWorkerMutations {
  @Mutation(() => CommunityWorker, {
    description: '新增社区工作者 — within the post’s levels and the community’s quota (role hr)',
  })
  async createCommunityWorker(
    @Arg('input') input: CreateCommunityWorkerInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CommunityWorker> {
    assertPerformAction(ctx, permissions, 'workforce.write');
    const data = parseInput(createCommunityWorkerRule, input, 'input');
    await requireExisting(ctx, Person, 'id', data.personId, 'input.personId');
    const community = await requireCommunity(ctx, data.organizationId, 'input.organizationId');
    assertLevelWithinPost(data, await postLevelRange(ctx, community.regionCode, data.postType));
    if (await ctx.em.count(CommunityWorker, { personId: data.personId })) {
      throw badInput('input.personId', 'unique', 'is already on a community’s roll');
    }
    return ctx.em.transactional(async (em) => {
      // the quota row is locked, so two hires for its last vacancy cannot both pass the count
      const quota = await em.findOne(
        CommunityQuota,
        { organizationId: data.organizationId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!quota) throw badInput('input.organizationId', 'quota', 'the community has no quota (员额) set');
      const filled = await em.count(CommunityWorker, { organizationId: data.organizationId });
      if (filled >= quota.quota) {
        throw badInput('input.organizationId', 'quota', `the quota of ${quota.quota} is filled: no vacancy`);
      }
      return em.create(CommunityWorker, {
        id: crypto.randomUUID(),
        ...data,
        allRoundCertified: data.allRoundCertified ?? false,
      });
    });
  }

  @Mutation(() => CommunityWorker, { description: '修改社区工作者 — send the version you read (role hr)' })
  async updateCommunityWorker(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: UpdateCommunityWorkerInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CommunityWorker> {
    assertPerformAction(ctx, permissions, 'workforce.write');
    parseInput(uuidRule, id, 'id');
    const changes = parseInput(communityWorkerChangesRule, presentFields(input), 'input');
    const worker = await findForUpdate(ctx, CommunityWorker, 'id', id, 'id');
    requireVersion(worker, version);
    const { postType, level, hiredOn, education, allRoundCertified } = worker;
    const current = { postType, level, hiredOn, education, allRoundCertified };
    const next = parseInput(communityWorkerRule, { ...current, ...changes }, 'input');
    const community = await requireExisting(ctx, Organization, 'id', worker.organizationId, 'id');
    assertLevelWithinPost(next, await postLevelRange(ctx, community.regionCode, next.postType));
    ctx.em.assign(worker, { ...next, allRoundCertified: next.allRoundCertified ?? false });
    await flushVersioned(ctx, worker);
    return worker;
  }

  @Mutation(() => CommunityQuota, {
    description: '设定员额 — set a community’s quota; to change one, send its version (role hr)',
  })
  async setCommunityQuota(
    @Arg('organizationId', () => ID) organizationId: string,
    @Arg('quota', () => Int) quotaValue: number,
    @Arg('version', () => Int, { nullable: true }) version: number | null,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CommunityQuota> {
    assertPerformAction(ctx, permissions, 'workforce.write');
    parseInput(uuidRule, organizationId, 'organizationId');
    const value = parseInput(quotaRule, quotaValue, 'quota');
    await requireCommunity(ctx, organizationId, 'organizationId');
    const filled = await countOnRoll(ctx, organizationId);
    if (value < filled) {
      throw badInput(
        'quota',
        'not-below-filled',
        `${filled} workers are on the roll: the quota cannot be lower`,
      );
    }
    const existing = await ctx.em.findOne(CommunityQuota, { organizationId });
    if (!existing) {
      const created = ctx.em.create(CommunityQuota, {
        id: crypto.randomUUID(),
        organizationId,
        quota: value,
      });
      await ctx.em.flush();
      return created;
    }
    if (version === null || version === undefined) {
      throw badInput('version', 'required', 'the community has a quota already: send the version you read');
    }
    requireVersion(existing, version);
    existing.quota = value;
    await flushVersioned(ctx, existing);
    return existing;
  }
}
