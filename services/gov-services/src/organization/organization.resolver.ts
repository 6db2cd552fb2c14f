import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs, pageRows, type Page } from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { OrganizationRef } from '../directory';
import { ServiceItem } from '../item/item.entity';
import { ServiceItemConnection } from '../item/item.resolver';

/** What this subgraph adds to the people subgraph's Organization: the service items it is responsible for. */
@Resolver(() => OrganizationRef)
export class OrganizationResolver {
  @FieldResolver(() => ServiceItemConnection, {
    nullable: true, // fails alone: schema/src/nullable-extensions.ts
    description: '实施事项 — service items it is responsible for',
  })
  serviceItems(
    @Root() organization: OrganizationRef,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<ServiceItem>> {
    const filter = { sql: 'i.responsible_organization_id = ?', params: [organization.id] };
    return pageRows(ctx, ServiceItem, 'i', filter, args, 'name', 'id');
  }
}
