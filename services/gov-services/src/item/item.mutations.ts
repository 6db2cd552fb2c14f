import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { assertPerformAction, assertSignedIn, badInput, parseInput } from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { ServiceCentre } from '../centre/centre.entity';
import { permissions } from '../permissions';
import { ServiceLevel } from '../vocabulary';
import { ServiceItem } from './item.entity';
import { CreateServiceItemInput } from './item.args';
import { createServiceItemRule } from './item.rules';

@Resolver(() => ServiceItem)
export class ItemMutations {
  @Mutation(() => ServiceItem, {
    description: '新增事项 — add a service item; the bureau running the county service centre',
  })
  async createServiceItem(
    @Arg('input') input: CreateServiceItemInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ServiceItem> {
    assertSignedIn(ctx);
    const data = parseInput(createServiceItemRule, input, 'input');
    const countyCentre = await ctx.em.findOne(ServiceCentre, {
      regionCode: data.regionCode,
      level: ServiceLevel.COUNTY,
    });
    assertPerformAction(ctx, permissions, 'item.create', countyCentre ?? undefined);
    if (await ctx.em.count(ServiceItem, { code: data.code }))
      throw badInput('input.code', 'unique', 'is already the code of another item');
    await ctx.directory.requireExisting('input.responsibleOrganizationId', 'Organization', [
      data.responsibleOrganizationId,
    ]);
    const item = ctx.em.create(ServiceItem, {
      id: crypto.randomUUID(),
      ...data,
      targetDays: data.targetDays ?? null,
      maxExtensionDays: data.maxExtensionDays ?? null,
    });
    await ctx.em.flush();
    return item;
  }
}
