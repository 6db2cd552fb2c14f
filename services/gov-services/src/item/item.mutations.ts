import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  assertCurrentVersion,
  assertPerformAction,
  assertSignedIn,
  badInput,
  notFound,
  parseInput,
  presentFields,
} from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { chinaDay, uuidRule } from '@county/domain';
import { countyCentreOf } from '../centre/county-centre';
import { permissions } from '../permissions';
import { ServiceItem } from './item.entity';
import { ServiceItemVersion } from './item-version.entity';
import {
  CreateServiceItemInput,
  MoveServiceItemDownInput,
  RetireServiceItemInput,
  UpdateServiceItemInput,
} from './item.args';
import {
  createServiceItemRule,
  itemVersionRule,
  moveServiceItemDownRule,
  retireServiceItemRule,
  updateServiceItemRule,
} from './item.rules';
import { type MovedDownFacts, movedDownIssue } from './moved-down';

const VERSIONED = [
  'name',
  'kind',
  'responsibleOrganizationId',
  'levels',
  'statutoryLimit',
  'committedLimit',
  'processing',
  'visitRequirement',
  'maxVisits',
  'onlineCapable',
  'highFrequency',
  'delegated',
  'crossRegionPartners',
  'targetDays',
  'maxExtensionDays',
] as const satisfies readonly (keyof ServiceItem & keyof ServiceItemVersion)[];

const attributesOf = (version: Pick<ServiceItemVersion, (typeof VERSIONED)[number]>) =>
  Object.fromEntries(VERSIONED.map((key) => [key, version[key]])) as Pick<
    ServiceItemVersion,
    (typeof VERSIONED)[number]
  >;

/** BAD_USER_INPUT on `input.<field>` when the item, as the write would leave it, breaks a 下沉 rule. */
function assertMovedDown(item: MovedDownFacts): void {
  const issue = movedDownIssue(item);
  if (issue) throw badInput(`input.${issue[0]}`, issue[1], issue[2]);
}

/** The item, locked for the rest of the transaction, checked against the caller and the version sent. */
async function itemToChange(
  ctx: SubgraphContext,
  em: EntityManager,
  id: string,
  version: number,
): Promise<{ item: ServiceItem; newest: ServiceItemVersion }> {
  const item = await em.findOne(ServiceItem, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!item) throw notFound('id', `no service item has id ${id}`);
  assertPerformAction(ctx, permissions, 'item.update', await countyCentreOf(em, item.regionCode));
  assertCurrentVersion(item.version, version);
  const newest = await em.findOneOrFail(ServiceItemVersion, { itemId: id }, { orderBy: { version: 'desc' } });
  return { item, newest };
}

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
    assertPerformAction(ctx, permissions, 'item.create', await countyCentreOf(ctx.em, data.regionCode));
    if (await ctx.em.count(ServiceItem, { code: data.code }))
      throw badInput('input.code', 'unique', 'is already the code of another item');
    await ctx.directory.requireExisting('input.responsibleOrganizationId', 'Organization', [
      data.responsibleOrganizationId,
    ]);
    const { effectiveFrom, ...fields } = data;
    const attributes = {
      ...fields,
      targetDays: data.targetDays ?? null,
      maxExtensionDays: data.maxExtensionDays ?? null,
      movedDown: data.movedDown ?? null,
      movedDownDocument: data.movedDownDocument ?? null,
      movedDownOn: data.movedDownOn ?? null,
    };
    const item = ctx.em.create(ServiceItem, {
      id: crypto.randomUUID(),
      ...attributes,
      effectiveFrom: effectiveFrom ?? chinaDay(),
    });
    ctx.em.create(ServiceItemVersion, {
      itemId: item.id,
      version: 1,
      effectiveFrom: item.effectiveFrom,
      ...attributesOf(attributes),
    });
    await ctx.em.flush();
    return item;
  }

  @Mutation(() => ServiceItem, {
    description:
      '事项变更 — a new version of an item from an effective date (today or later); cases received before keep the version they were received under; the county bureau',
  })
  async updateServiceItem(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateServiceItemInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ServiceItem> {
    assertSignedIn(ctx);
    parseInput(uuidRule, id, 'id');
    const { version, effectiveFrom, ...changes } = parseInput(updateServiceItemRule, input, 'input');
    const present = presentFields(changes);
    if (present.responsibleOrganizationId)
      await ctx.directory.requireExisting('input.responsibleOrganizationId', 'Organization', [
        present.responsibleOrganizationId,
      ]);
    return ctx.em.transactional(async (em) => {
      const { item, newest } = await itemToChange(ctx, em, id, version);
      if (effectiveFrom <= newest.effectiveFrom)
        throw badInput(
          'input.effectiveFrom',
          'after-current',
          `must be after ${newest.effectiveFrom}, the date version ${newest.version} takes effect`,
        );
      if (item.retiredFrom && effectiveFrom >= item.retiredFrom)
        throw badInput('input.effectiveFrom', 'retired', `the item is retired from ${item.retiredFrom}`);
      const attributes = parseInput(itemVersionRule, { ...attributesOf(newest), ...present }, 'input');
      const next = {
        ...attributes,
        targetDays: attributes.targetDays ?? null,
        maxExtensionDays: attributes.maxExtensionDays ?? null,
      };
      // a change of levels, kind or frequency must leave the item's way down (下沉方式) true
      assertMovedDown({ ...item, ...next });
      em.create(ServiceItemVersion, { itemId: id, version: newest.version + 1, effectiveFrom, ...next });
      Object.assign(item, next, { effectiveFrom });
      await em.flush();
      return item;
    });
  }

  @Mutation(() => ServiceItem, {
    description:
      '事项下沉 — record how an item came to be handled in the townships (进驻/下放/other), with the document and day; the county bureau',
  })
  async moveServiceItemDown(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: MoveServiceItemDownInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ServiceItem> {
    assertSignedIn(ctx);
    parseInput(uuidRule, id, 'id');
    const { version, ...way } = parseInput(moveServiceItemDownRule, input, 'input');
    const next = {
      movedDown: way.movedDown ?? null,
      movedDownDocument: way.movedDownDocument ?? null,
      movedDownOn: way.movedDownOn ?? null,
    };
    return ctx.em.transactional(async (em) => {
      const { item } = await itemToChange(ctx, em, id, version);
      assertMovedDown({ ...item, ...next });
      Object.assign(item, next);
      await em.flush();
      return item;
    });
  }

  @Mutation(() => ServiceItem, {
    description: '事项取消 — retire an item from a date (today or later); the county bureau',
  })
  async retireServiceItem(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: RetireServiceItemInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ServiceItem> {
    assertSignedIn(ctx);
    parseInput(uuidRule, id, 'id');
    const { version, retiredFrom } = parseInput(retireServiceItemRule, input, 'input');
    return ctx.em.transactional(async (em) => {
      const { item, newest } = await itemToChange(ctx, em, id, version);
      if (item.retiredFrom && item.retiredFrom <= chinaDay())
        throw badInput('id', 'retired', `the item was retired from ${item.retiredFrom}`);
      if (retiredFrom <= newest.effectiveFrom)
        throw badInput(
          'input.retiredFrom',
          'after-current',
          `must be after ${newest.effectiveFrom}, the date version ${newest.version} takes effect`,
        );
      item.retiredFrom = retiredFrom;
      await em.flush();
      return item;
    });
  }
}
