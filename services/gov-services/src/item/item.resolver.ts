import { Arg, Args, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import {
  ConnectionType,
  entityGroupLoader,
  entityLoader,
  escapeLike,
  paginate,
  parseInput,
  type Page,
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
    const qb = ctx.em.createQueryBuilder(ServiceItem, 'i');
    if (args.regionCode) qb.andWhere({ regionCode: args.regionCode });
    if (args.kind) qb.andWhere({ kind: args.kind });
    if (args.highFrequency !== undefined && args.highFrequency !== null)
      qb.andWhere({ highFrequency: args.highFrequency });
    if (args.visitRequirement) qb.andWhere({ visitRequirement: args.visitRequirement });
    if (args.name) qb.andWhere({ name: { $ilike: `%${escapeLike(args.name)}%` } });
    return paginate(qb, args, 'name', 'id');
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
