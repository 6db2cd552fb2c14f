import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { regionCodePrefix, uuidRule } from '@county/domain';
import {
  allOf,
  ConnectionType,
  entityLoader,
  escapeLike,
  pageRows,
  parseInput,
  type Page,
  type RowFilter,
} from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { Region } from '../region/region.entity';
import { Person } from '../person/person.entity';
import { Organization } from './organization.entity';
import { OrganizationsArgs } from './organization.args';
import { organizationsArgsRule } from './organization.rules';

export const OrganizationConnection = ConnectionType(Organization, '单位列表 — a page of organisations');

@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => Organization, {
    nullable: true,
    description: '单位 — one organisation by id; null when unknown',
  })
  organization(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Organization | null> {
    parseInput(uuidRule, id, 'id');
    return entityLoader(ctx, Organization, 'id').load(id);
  }

  @Query(() => OrganizationConnection, {
    description: '单位列表 — organisations by region (including below), type, parent, name',
  })
  organizations(@Args() args: OrganizationsArgs, @Ctx() ctx: SubgraphContext): Promise<Page<Organization>> {
    parseInput(organizationsArgsRule, args, '');
    const filters: RowFilter[] = [];
    if (args.regionCode)
      filters.push({ sql: 'o.region_code like ?', params: [`${regionCodePrefix(args.regionCode)}%`] });
    if (args.type) filters.push({ sql: 'o.type = ?', params: [args.type] });
    if (args.parentId) filters.push({ sql: 'o.parent_id = ?', params: [args.parentId] });
    if (args.name) filters.push({ sql: 'o.name ilike ?', params: [`%${escapeLike(args.name)}%`] });
    return pageRows(ctx, Organization, 'o', allOf(...filters), args, 'name', 'id');
  }

  @FieldResolver(() => Region, { description: '所在区划 — the region it is located in' })
  region(@Root() organization: Organization, @Ctx() ctx: SubgraphContext): Promise<Region | null> {
    return entityLoader(ctx, Region, 'code').load(organization.regionCode);
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: '上级单位 — the organisation it belongs to',
  })
  parent(
    @Root() organization: Organization,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Organization | null> | null {
    return organization.parentId ? entityLoader(ctx, Organization, 'id').load(organization.parentId) : null;
  }

  @FieldResolver(() => Person, { nullable: true, description: '负责人 — its leader' })
  leader(@Root() organization: Organization, @Ctx() ctx: SubgraphContext): Promise<Person | null> | null {
    return organization.leaderId ? entityLoader(ctx, Person, 'id').load(organization.leaderId) : null;
  }
}
