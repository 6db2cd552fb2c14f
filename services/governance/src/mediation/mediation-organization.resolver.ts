import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { regionCodePrefix, uuidRule } from '@county/domain';
import { allOf, ConnectionType, entityLoader, pageRows, parseInput } from '@county/kit';
import type { Page, RowFilter, SubgraphContext } from '@county/kit';
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
    const filters: RowFilter[] = [];
    if (args.regionCode)
      filters.push({ sql: 'm.region_code like ?', params: [`${regionCodePrefix(args.regionCode)}%`] });
    if (args.kind) filters.push({ sql: 'm.kind = ?', params: [args.kind] });
    if (args.level) filters.push({ sql: 'm.level = ?', params: [args.level] });
    return pageRows(ctx, MediationOrganization, 'm', allOf(...filters), args, 'name', 'id');
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
