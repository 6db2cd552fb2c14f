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
  requireExisting,
} from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { uuidRule } from '@county/domain';
import { workingCalendar } from '../calendar/working-days';
import { countyCentreOf } from '../centre/county-centre';
import { ServiceItem } from '../item/item.entity';
import { permissions, type DepartmentSubject } from '../permissions';
import { AdministrativePower, PowerDelegation } from './power.entity';
import {
  CreateAdministrativePowerInput,
  DelegatePowerInput,
  LinkServiceItemPowerInput,
  RecordDelegationUptakeInput,
  WithdrawPowerDelegationInput,
} from './power.args';
import {
  createPowerRule,
  delegatePowerRule,
  linkItemPowerRule,
  uptakeRule,
  withdrawRule,
} from './power.rules';

const subjectOf = async (em: EntityManager, organizationId: string, regionCode: string) =>
  ({ organizationId, countyCentre: await countyCentreOf(em, regionCode) }) satisfies DepartmentSubject;

/** The delegation, locked for the rest of the transaction. */
async function delegationToChange(em: EntityManager, id: string): Promise<PowerDelegation> {
  const delegation = await em.findOne(PowerDelegation, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!delegation) throw notFound('id', `no power delegation has id ${id}`);
  return delegation;
}

@Resolver(() => AdministrativePower)
export class PowerMutations {
  @Mutation(() => AdministrativePower, {
    description:
      '新增权力事项 — add a power to the county list (权责清单); its department or the county bureau',
  })
  async createAdministrativePower(
    @Arg('input') input: CreateAdministrativePowerInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AdministrativePower> {
    assertSignedIn(ctx);
    const data = parseInput(createPowerRule, input, 'input');
    assertPerformAction(
      ctx,
      permissions,
      'power.manage',
      await subjectOf(ctx.em, data.organizationId, data.regionCode),
    );
    if (await ctx.em.count(AdministrativePower, { code: data.code }))
      throw badInput('input.code', 'unique', 'is already the code of another power');
    const region = await ctx.directory.organizationRegion(data.organizationId);
    if (region === null)
      throw badInput('input.organizationId', 'exists', `no Organization with id "${data.organizationId}"`);
    if (!region.startsWith(data.regionCode))
      throw badInput(
        'input.organizationId',
        'county',
        `the organisation is not in county ${data.regionCode}`,
      );
    const power = ctx.em.create(AdministrativePower, { id: crypto.randomUUID(), ...data });
    await ctx.em.flush();
    return power;
  }

  @Mutation(() => ServiceItem, {
    description:
      '事项关联权力 — the power a service item implements (or none); the item’s department or the county bureau',
  })
  async linkServiceItemPower(
    @Arg('itemId', () => ID) itemId: string,
    @Arg('input') input: LinkServiceItemPowerInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ServiceItem> {
    assertSignedIn(ctx);
    parseInput(uuidRule, itemId, 'itemId');
    const data = parseInput(linkItemPowerRule, input, 'input');
    return ctx.em.transactional(async (em) => {
      const item = await em.findOne(ServiceItem, { id: itemId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!item) throw notFound('itemId', `no service item has id ${itemId}`);
      const subject = await subjectOf(em, item.responsibleOrganizationId, item.regionCode);
      assertPerformAction(ctx, permissions, 'power.manage', subject);
      assertCurrentVersion(item.version, data.version);
      if (data.powerId) {
        const power = await em.findOne(AdministrativePower, { id: data.powerId });
        if (!power) throw badInput('input.powerId', 'exists', `no power has id ${data.powerId}`);
        if (power.regionCode !== item.regionCode)
          throw badInput('input.powerId', 'county', 'the power is not in the item’s county list');
      }
      item.powerId = data.powerId ?? null;
      await em.flush();
      return item;
    });
  }

  @Mutation(() => PowerDelegation, {
    description:
      '赋权 — delegate a power to a township or development zone of its county from a date; its department or the county bureau',
  })
  async delegatePower(
    @Arg('input') input: DelegatePowerInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PowerDelegation> {
    assertSignedIn(ctx);
    const data = parseInput(delegatePowerRule, input, 'input');
    workingCalendar.require(data.delegatedFrom, 'input.delegatedFrom');
    const power = await requireExisting(ctx, AdministrativePower, 'id', data.powerId, 'input.powerId');
    assertPerformAction(
      ctx,
      permissions,
      'power.delegate',
      await subjectOf(ctx.em, power.organizationId, power.regionCode),
    );
    if (!data.regionCode.startsWith(power.regionCode))
      throw badInput('input.regionCode', 'county', `must be in the power’s county ${power.regionCode}`);
    const [region] = await ctx.directory.regionsByCode([data.regionCode]);
    if (!region) throw badInput('input.regionCode', 'exists', `no Region with code "${data.regionCode}"`);
    return ctx.em.transactional(async (em) => {
      // the power's row lock serialises delegations of one power: two at once cannot both pass the checks
      await em.findOneOrFail(AdministrativePower, { id: power.id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const earlier = await em.find(PowerDelegation, { powerId: power.id, regionCode: data.regionCode });
      const open = earlier.find((d) => d.withdrawnOn === null);
      if (open)
        throw badInput('input.powerId', 'delegated', `already delegated there since ${open.delegatedFrom}`);
      const overlapping = earlier.find((d) => d.withdrawnOn! > data.delegatedFrom);
      if (overlapping)
        throw badInput(
          'input.delegatedFrom',
          'after-withdrawal',
          `must be on or after ${overlapping.withdrawnOn}, when the last delegation there was withdrawn`,
        );
      const delegation = em.create(PowerDelegation, { id: crypto.randomUUID(), ...data });
      await em.flush();
      return delegation;
    });
  }

  @Mutation(() => PowerDelegation, {
    description: '承接 — record that the township took the power up (staff trained, the day); the township',
  })
  async recordDelegationUptake(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: RecordDelegationUptakeInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PowerDelegation> {
    assertSignedIn(ctx);
    parseInput(uuidRule, id, 'id');
    const data = parseInput(uptakeRule, input, 'input');
    return ctx.em.transactional(async (em) => {
      const delegation = await delegationToChange(em, id);
      assertPerformAction(ctx, permissions, 'delegation.uptake', delegation.regionCode);
      assertCurrentVersion(delegation.version, data.version);
      if (data.takenUpOn < delegation.delegatedFrom)
        throw badInput(
          'input.takenUpOn',
          'after-delegation',
          `must be on or after ${delegation.delegatedFrom}, the day it was delegated`,
        );
      if (delegation.withdrawnOn && data.takenUpOn >= delegation.withdrawnOn)
        throw badInput(
          'input.takenUpOn',
          'withdrawn',
          `the delegation is withdrawn from ${delegation.withdrawnOn}`,
        );
      Object.assign(delegation, data);
      await em.flush();
      return delegation;
    });
  }

  @Mutation(() => PowerDelegation, {
    description:
      '收回 — withdraw a delegation from a date (the record stays, dated); the power’s department or the county bureau',
  })
  async withdrawPowerDelegation(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: WithdrawPowerDelegationInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PowerDelegation> {
    assertSignedIn(ctx);
    parseInput(uuidRule, id, 'id');
    const data = parseInput(withdrawRule, input, 'input');
    workingCalendar.require(data.withdrawnOn, 'input.withdrawnOn');
    return ctx.em.transactional(async (em) => {
      const delegation = await delegationToChange(em, id);
      const power = await em.findOneOrFail(AdministrativePower, { id: delegation.powerId });
      assertPerformAction(
        ctx,
        permissions,
        'power.delegate',
        await subjectOf(em, power.organizationId, power.regionCode),
      );
      assertCurrentVersion(delegation.version, data.version);
      if (delegation.withdrawnOn)
        throw badInput('id', 'withdrawn', `the delegation was withdrawn from ${delegation.withdrawnOn}`);
      if (data.withdrawnOn <= delegation.delegatedFrom)
        throw badInput(
          'input.withdrawnOn',
          'after-delegation',
          `must be after ${delegation.delegatedFrom}, the day it was delegated`,
        );
      delegation.withdrawnOn = data.withdrawnOn;
      delegation.withdrawalDocument = data.document;
      await em.flush();
      return delegation;
    });
  }
}
