import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { regionCodePrefix, uuidRule } from '@county/domain';
import { ConnectionType, entityLoader, paginate, parseInput } from '@county/kit';
import type { Page, SubgraphContext } from '@county/kit';
import { OrganizationRef, RegionRef } from '../directory';
import { MediationOrganization } from './mediation-organization.entity';
import { MediationOrganizationsArgs } from './mediation-organization.args';
import { mediationOrganizationsArgsRule } from './mediation-organization.rules';

export const MediationOrganizationConnection = ConnectionType(
  MediationOrganization,
  '调解组织列表 — a page of mediation organisations, ordered by name',
);

@Resolver(() => MediationOrganization)
export class MediationOrganizationResolver {
  @Query(() => MediationOrganization, {
    nullable: true,
    description: '调解组织 — one by id; null when unknown',
  })
  mediationOrganization(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<MediationOrganization | null> {
    parseInput(uuidRule, id, 'id');
    return entityLoader(ctx, MediationOrganization, 'id').load(id);
  }

  @Query(() => MediationOrganizationConnection, {
    description: '调解组织列表 — by region (including below), kind and level',
  })
  mediationOrganizations(
    @Args() args: MediationOrganizationsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<MediationOrganization>> {
    parseInput(mediationOrganizationsArgsRule, args, '');
    const qb = ctx.em.createQueryBuilder(MediationOrganization, 'm');
    if (args.regionCode) qb.andWhere({ regionCode: { $like: `${regionCodePrefix(args.regionCode)}%` } });
    if (args.kind) qb.andWhere({ kind: args.kind });
    if (args.level) qb.andWhere({ level: args.level });
    return paginate(qb, args, 'name', 'id');
  }

  @FieldResolver(() => RegionRef, { description: '所在区划 — the region it serves' })
  region(@Root() organization: MediationOrganization): RegionRef {
    return { code: organization.regionCode };
  }

  @FieldResolver(() => OrganizationRef, {
    nullable: true,
    description: '目录中的单位 — the same organisation in the directory, where it has one',
  })
  organization(@Root() organization: MediationOrganization): OrganizationRef | null {
    return organization.organizationId ? { id: organization.organizationId } : null;
  }
}
