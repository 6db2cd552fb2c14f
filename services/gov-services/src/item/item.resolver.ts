import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import {
  allOf,
  ConnectionType,
  entityGroupLoader,
  entityLoader,
  escapeLike,
  pageRows,
  parseInput,
  type Page,
  type RowFilter,
} from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { uuidRule } from '@county/domain';
import { OrganizationRef } from '../directory';
import { ServiceItem } from './item.entity';
import { ServiceItemVersion } from './item-version.entity';
import { ServiceItemsArgs } from './item.args';
import { serviceItemsArgsRule } from './item.rules';

export const ServiceItemConnection = ConnectionType(ServiceItem, '事项列表 — a page of service items');

@Resolver(() => ServiceItem)
export class ItemResolver {
  @Query(() => ServiceItem, { nullable: true, description: '事项 — one service item by id' })
  serviceItem(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<ServiceItem | null> {
    parseInput(uuidRule, id, 'id');
    return entityLoader(ctx, ServiceItem, 'id').load(id);
  }

  @Query(() => ServiceItemConnection, {
    description: '事项清单 — service items by county, kind, frequency, visits, name',
  })
  serviceItems(@Args() args: ServiceItemsArgs, @Ctx() ctx: SubgraphContext): Promise<Page<ServiceItem>> {
    parseInput(serviceItemsArgsRule, args, '');
    const filters: RowFilter[] = [];
    if (args.regionCode) filters.push({ sql: 'i.region_code = ?', params: [args.regionCode] });
    if (args.kind) filters.push({ sql: 'i.kind = ?', params: [args.kind] });
    if (args.highFrequency !== undefined && args.highFrequency !== null)
      filters.push({ sql: 'i.high_frequency = ?', params: [args.highFrequency] });
    if (args.visitRequirement)
      filters.push({ sql: 'i.visit_requirement = ?', params: [args.visitRequirement] });
    if (args.name) filters.push({ sql: 'i.name ilike ?', params: [`%${escapeLike(args.name)}%`] });
    return pageRows(ctx, ServiceItem, 'i', allOf(...filters), args, 'name', 'id');
  }

  @FieldResolver(() => OrganizationRef, { description: '实施主体 — the responsible organisation' })
  responsibleOrganization(@Root() item: ServiceItem): OrganizationRef {
    return { id: item.responsibleOrganizationId };
  }

  @FieldResolver(() => [ServiceItemVersion], {
    description: '版本 — every version, oldest first, each with the day it takes effect',
  })
  versions(@Root() item: ServiceItem, @Ctx() ctx: SubgraphContext): Promise<ServiceItemVersion[]> {
    return entityGroupLoader(ctx, ServiceItemVersion, 'itemId', { version: 'asc' }).load(item.id);
  }
}

@Resolver(() => ServiceItemVersion)
export class ItemVersionResolver {
  @FieldResolver(() => OrganizationRef, { description: '实施主体 — the responsible organisation' })
  responsibleOrganization(@Root() version: ServiceItemVersion): OrganizationRef {
    return { id: version.responsibleOrganizationId };
  }
}
