import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { z } from 'zod';
import {
  ConnectionType,
  DateScalar,
  entityGroupLoader,
  entityLoader,
  escapeLike,
  PageArgs,
  paginate,
  parseInput,
  type Page,
} from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { chinaDay, regionCodePrefix, regionCodeRule, uuidRule } from '@county/domain';
import { OrganizationRef, RegionRef } from '../directory';
import { ServiceItem } from '../item/item.entity';
import { AdministrativePower, PowerDelegation } from './power.entity';
import { AdministrativePowersArgs, PowerDelegationsArgs } from './power.args';
import { delegationsArgsRule, idleMonthsRule, powersArgsRule } from './power.rules';
import { PowerRecipientKind, recipientKindOf } from './power-vocabulary';
import {
  CASES_UNDER_DELEGATION,
  DELEGATED_MONTHS_AGO,
  delegationUseLoader,
  IN_EFFECT_TODAY,
  PowerStats,
  powerStatsFigures,
} from './power-figures';

export const AdministrativePowerConnection = ConnectionType(
  AdministrativePower,
  '权责清单 — a page of administrative powers',
);
export const PowerDelegationConnection = ConnectionType(PowerDelegation, '赋权清单 — a page of delegations');

/** "Never exercised" looks back this many months unless asked otherwise. */
const DEFAULT_IDLE_MONTHS = 6;

@Resolver(() => AdministrativePower)
export class PowerResolver {
  @Query(() => AdministrativePower, { nullable: true, description: '行政权力事项 — one power by id' })
  administrativePower(
    @Arg('id', () => ID) id: string,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AdministrativePower | null> {
    parseInput(uuidRule, id, 'id');
    return entityLoader(ctx, AdministrativePower, 'id').load(id);
  }

  @Query(() => AdministrativePowerConnection, {
    description: '权责清单 — a county’s administrative powers by department, category and name, by code',
  })
  administrativePowers(
    @Args() args: AdministrativePowersArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<AdministrativePower>> {
    parseInput(powersArgsRule, args, '');
    const qb = ctx.em.createQueryBuilder(AdministrativePower, 'p').where({ regionCode: args.regionCode });
    if (args.organizationId) qb.andWhere({ organizationId: args.organizationId });
    if (args.category) qb.andWhere({ category: args.category });
    if (args.name) qb.andWhere({ name: { $ilike: `%${escapeLike(args.name)}%` } });
    return paginate(qb, args, 'code', 'id');
  }

  @FieldResolver(() => OrganizationRef, { description: '实施部门 — the department holding the power' })
  organization(@Root() power: AdministrativePower): OrganizationRef {
    return { id: power.organizationId };
  }

  @FieldResolver(() => [ServiceItem], { description: '实施事项 — the service items implementing it' })
  serviceItems(@Root() power: AdministrativePower, @Ctx() ctx: SubgraphContext): Promise<ServiceItem[]> {
    return entityGroupLoader(ctx, ServiceItem, 'powerId', { code: 'asc' }).load(power.id);
  }

  @FieldResolver(() => [PowerDelegation], {
    description: '赋权 — its delegations, withdrawn ones too, by recipient and date',
  })
  delegations(@Root() power: AdministrativePower, @Ctx() ctx: SubgraphContext): Promise<PowerDelegation[]> {
    return entityGroupLoader(ctx, PowerDelegation, 'powerId', {
      regionCode: 'asc',
      delegatedFrom: 'asc',
    }).load(power.id);
  }
}

@Resolver(() => PowerDelegation)
export class DelegationResolver {
  @Query(() => PowerDelegationConnection, {
    description:
      '赋权清单 — delegations to the townships and zones of a region (or to one), by recipient; `idleMonths` lists those never exercised (下放未用)',
  })
  powerDelegations(
    @Args() args: PowerDelegationsArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<PowerDelegation>> {
    parseInput(delegationsArgsRule, args, '');
    const qb = ctx.em
      .createQueryBuilder(PowerDelegation, 'd')
      .where({ regionCode: { $like: `${regionCodePrefix(args.regionCode)}%` } });
    if (args.powerId) qb.andWhere({ powerId: args.powerId });
    if (args.inEffect === true) qb.andWhere(IN_EFFECT_TODAY);
    if (args.inEffect === false) qb.andWhere(`not (${IN_EFFECT_TODAY})`);
    if (args.idleMonths !== undefined && args.idleMonths !== null)
      qb.andWhere(`${IN_EFFECT_TODAY} and ${DELEGATED_MONTHS_AGO} and ${CASES_UNDER_DELEGATION} = 0`, [
        args.idleMonths,
      ]);
    return paginate(qb, args, 'regionCode', 'id');
  }

  @FieldResolver(() => AdministrativePower, { description: '权力事项 — the power delegated' })
  async power(
    @Root() delegation: PowerDelegation,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AdministrativePower> {
    return (await entityLoader(ctx, AdministrativePower, 'id').load(delegation.powerId))!;
  }

  @FieldResolver(() => RegionRef, { description: '承接主体 — the township or development zone' })
  region(@Root() delegation: PowerDelegation): RegionRef {
    return { code: delegation.regionCode };
  }

  @FieldResolver(() => PowerRecipientKind, {
    description: '承接主体类型 — a township, or a development zone (its code’s township part 400–599)',
  })
  recipientKind(@Root() delegation: PowerDelegation): PowerRecipientKind {
    return recipientKindOf(delegation.regionCode);
  }

  @FieldResolver(() => Boolean, { description: '在用 — delegated by today and not withdrawn by today' })
  inEffect(@Root() delegation: PowerDelegation): boolean {
    const today = chinaDay();
    return delegation.delegatedFrom <= today && (!delegation.withdrawnOn || delegation.withdrawnOn > today);
  }

  @FieldResolver(() => Boolean, { description: '已承接 — the recipient has taken it up (staff trained)' })
  takenUp(@Root() delegation: PowerDelegation): boolean {
    return delegation.takenUpOn !== null;
  }

  @FieldResolver(() => Int, {
    description:
      '承接办件 — cases of the items implementing the power received in the recipient’s region while delegated',
  })
  async casesHandled(@Root() delegation: PowerDelegation, @Ctx() ctx: SubgraphContext): Promise<number> {
    return (await delegationUseLoader(ctx).load(delegation.id)).cases;
  }

  @FieldResolver(() => DateScalar, { nullable: true, description: '最近办件 — the last such case’s day' })
  async lastCaseOn(@Root() delegation: PowerDelegation, @Ctx() ctx: SubgraphContext): Promise<string | null> {
    return (await delegationUseLoader(ctx).load(delegation.id)).lastCaseOn;
  }
}

/** The power a service item implements. */
@Resolver(() => ServiceItem)
export class ItemPowerResolver {
  @FieldResolver(() => AdministrativePower, {
    nullable: true,
    description: '实施的行政权力 — the power (权责清单) this item implements; null for a public service',
  })
  power(@Root() item: ServiceItem, @Ctx() ctx: SubgraphContext): Promise<AdministrativePower | null> | null {
    return item.powerId ? entityLoader(ctx, AdministrativePower, 'id').load(item.powerId) : null;
  }
}

/** What powers add to the people subgraph's Organization and Region. */
@Resolver(() => OrganizationRef)
export class OrganizationPowerResolver {
  @FieldResolver(() => AdministrativePowerConnection, {
    nullable: true, // fails alone: schema/src/nullable-extensions.ts
    description: '权责清单 — the administrative powers this department holds',
  })
  administrativePowers(
    @Root() organization: OrganizationRef,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<AdministrativePower>> {
    const qb = ctx.em.createQueryBuilder(AdministrativePower, 'p').where({ organizationId: organization.id });
    return paginate(qb, args, 'code', 'id');
  }
}

@Resolver(() => RegionRef)
export class RegionPowerResolver {
  @FieldResolver(() => PowerStats, {
    nullable: true,
    description:
      '赋权统计 — powers delegated to the townships and zones of this region (or to it), taken up, exercised and never used, today',
  })
  powerStats(
    @Root() region: RegionRef,
    @Arg('idleMonths', () => Int, {
      defaultValue: DEFAULT_IDLE_MONTHS,
      description: '下放未用 counts delegations at least this many months old with no case (1–120)',
    })
    idleMonths: number,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PowerStats> {
    const asked = parseInput(
      z.object({ regionCode: regionCodeRule, idleMonths: idleMonthsRule }),
      { regionCode: region.code, idleMonths },
      '',
    );
    // every region of one query level (the children of the cockpit's region) in one statement
    return ctx.loaders
      .get<string, PowerStats>(`Region.powerStats.${asked.idleMonths}`, (codes) =>
        powerStatsFigures(
          ctx.em,
          codes.map((code) => ({ regionCode: code, prefix: regionCodePrefix(code)! })),
          asked.idleMonths,
        ),
      )
      .load(asked.regionCode);
  }
}
