import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import { z } from 'zod';
import {
  allOf,
  ConnectionType,
  DateScalar,
  entityGroupLoader,
  entityLoader,
  escapeLike,
  PageArgs,
  pageRows,
  parseInput,
  type Page,
  type RowFilter,
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
    const filters: RowFilter[] = [{ sql: 'p.region_code = ?', params: [args.regionCode] }];
    if (args.organizationId) filters.push({ sql: 'p.organization_id = ?', params: [args.organizationId] });
    if (args.category) filters.push({ sql: 'p.category = ?', params: [args.category] });
    if (args.name) filters.push({ sql: 'p.name ilike ?', params: [`%${escapeLike(args.name)}%`] });
    return pageRows(ctx, AdministrativePower, 'p', allOf(...filters), args, 'code', 'id');
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
    const filters: RowFilter[] = [
      { sql: 'd.region_code like ?', params: [`${regionCodePrefix(args.regionCode)}%`] },
    ];
    if (args.powerId) filters.push({ sql: 'd.power_id = ?', params: [args.powerId] });
    if (args.inEffect === true) filters.push({ sql: IN_EFFECT_TODAY, params: [] });
    if (args.inEffect === false) filters.push({ sql: `not (${IN_EFFECT_TODAY})`, params: [] });
    if (args.idleMonths !== undefined && args.idleMonths !== null)
      filters.push({
        sql: `${IN_EFFECT_TODAY} and ${DELEGATED_MONTHS_AGO} and ${CASES_UNDER_DELEGATION} = 0`,
        params: [args.idleMonths],
      });
    return pageRows(ctx, PowerDelegation, 'd', allOf(...filters), args, 'regionCode', 'id');
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
    const filter = { sql: 'p.organization_id = ?', params: [organization.id] };
    return pageRows(ctx, AdministrativePower, 'p', filter, args, 'code', 'id');
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
