import { Arg, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { entityLoader, parseInput, type SubgraphContext } from '@county/kit';
import { uuidRule } from '@county/domain';
import { Organization } from '../organization/organization.entity';
import { CommunityQuota } from './community-quota.entity';

/** Workers on each community's roll: one grouped count per tick, whatever the number of communities. */
export function filledLoader(ctx: SubgraphContext) {
  return ctx.loaders.get<string, number>('CommunityWorker.countByOrganization', async (ids) => {
    const rows: { organization_id: string; filled: number }[] = await ctx.em
      .getConnection()
      .execute(
        'select organization_id, count(*)::int as filled from community_worker where organization_id in (?) group by organization_id',
        [[...ids]],
      );
    const byId = new Map(rows.map((row) => [row.organization_id, row.filled]));
    return ids.map((id) => byId.get(id) ?? 0);
  });
}

@Resolver(() => CommunityQuota)
export class CommunityQuotaResolver {
  @Query(() => CommunityQuota, {
    nullable: true,
    description: '员额 — a community’s quota; null when none is set',
  })
  communityQuota(
    @Arg('organizationId', () => ID) organizationId: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CommunityQuota | null> {
    parseInput(uuidRule, organizationId, 'organizationId');
    return entityLoader(ctx, CommunityQuota, 'organizationId').load(organizationId);
  }

  @FieldResolver(() => Organization, { description: '社区 — the community' })
  organization(@Root() quota: CommunityQuota, @Ctx() ctx: SubgraphContext): Promise<Organization | null> {
    return entityLoader(ctx, Organization, 'id').load(quota.organizationId);
  }

  @FieldResolver(() => Int, { description: '在岗 — community workers on the roll' })
  filled(@Root() quota: CommunityQuota, @Ctx() ctx: SubgraphContext): Promise<number> {
    return filledLoader(ctx).load(quota.organizationId);
  }

  @FieldResolver(() => Int, { description: '空缺 — quota minus workers on the roll' })
  async vacancies(@Root() quota: CommunityQuota, @Ctx() ctx: SubgraphContext): Promise<number> {
    return Math.max(0, quota.quota - (await filledLoader(ctx).load(quota.organizationId)));
  }
}
