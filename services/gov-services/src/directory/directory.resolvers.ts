import { Args, Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { PageArgs, paginate, type Page } from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { ServiceCase } from '../case/case.entity';
import { ServiceCaseConnection } from '../case/case.resolver';
import { ServiceItem } from '../item/item.entity';
import { ServiceItemConnection } from '../item/item.resolver';
import { OrganizationRef, PersonRef } from './stubs';

@Resolver(() => OrganizationRef)
export class OrganizationServiceResolver {
  @FieldResolver(() => ServiceItemConnection, {
    description: '实施事项 — service items it is responsible for',
  })
  serviceItems(
    @Root() organization: OrganizationRef,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<ServiceItem>> {
    const qb = ctx.em
      .createQueryBuilder(ServiceItem, 'i')
      .where({ responsibleOrganizationId: organization.id });
    return paginate(qb, args, 'name', 'id');
  }
}

@Resolver(() => PersonRef)
export class PersonServiceResolver {
  @FieldResolver(() => ServiceCaseConnection, { description: '代办件 — cases this proxy agent handled' })
  proxyCases(
    @Root() person: PersonRef,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<ServiceCase>> {
    const qb = ctx.em.createQueryBuilder(ServiceCase, 'c').where({ proxyAgentId: person.id });
    return paginate(qb, args, 'receivedAt', 'id');
  }
}
