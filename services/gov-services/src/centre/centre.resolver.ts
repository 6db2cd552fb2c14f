import {
  Args,
  ArgsType,
  Ctx,
  Field,
  FieldResolver,
  Float,
  ID,
  Int,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { z } from 'zod';
import { regionCodePrefix, regionCodeRule } from '@county/domain';
import {
  allOf,
  ConnectionType,
  PageArgs,
  pageRows,
  parseInput,
  type Page,
  type RowFilter,
} from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { OrganizationRef, RegionRef } from '../directory';
import { ServiceLevel } from '../vocabulary';
import { ServiceCentre } from './centre.entity';
import { rosterFigures } from './roster-figures';
import { ServiceStaff, ServiceWindow } from './roster.entities';

@ArgsType()
export class ServiceCentresArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'In this region or anywhere below it' })
  regionCode?: string;

  @Field(() => ServiceLevel, { nullable: true })
  level?: ServiceLevel;
}

const argsRule = z.object({ regionCode: regionCodeRule.nullish() });

export const ServiceCentreConnection = ConnectionType(ServiceCentre, '服务中心列表 — a page of centres');
export const ServiceWindowConnection = ConnectionType(ServiceWindow, '窗口列表 — a page of windows');
export const ServiceStaffConnection = ConnectionType(ServiceStaff, '人员名册 — a page of a centre’s staff');

@Resolver(() => ServiceCentre)
export class CentreResolver {
  @Query(() => ServiceCentreConnection, {
    description: '服务中心 — centres by region (including below) and level',
  })
  serviceCentres(
    @Args() args: ServiceCentresArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<ServiceCentre>> {
    parseInput(argsRule, args, '');
    const filters: RowFilter[] = [];
    if (args.regionCode)
      filters.push({ sql: 'c.region_code like ?', params: [`${regionCodePrefix(args.regionCode)}%`] });
    if (args.level) filters.push({ sql: 'c.level = ?', params: [args.level] });
    return pageRows(ctx, ServiceCentre, 'c', allOf(...filters), args, 'name', 'id');
  }

  @FieldResolver(() => OrganizationRef, { description: '运行单位 — the organisation that runs it' })
  organization(@Root() centre: ServiceCentre): OrganizationRef {
    return { id: centre.organizationId };
  }

  @FieldResolver(() => RegionRef, { description: '所在区划 — its region' })
  region(@Root() centre: ServiceCentre): RegionRef {
    return { code: centre.regionCode };
  }

  @FieldResolver(() => Int, { description: '窗口数 — windows on its roster' })
  async windows(@Root() centre: ServiceCentre, @Ctx() ctx: SubgraphContext): Promise<number> {
    return (await rosterFigures(ctx, centre.id)).windows;
  }

  @FieldResolver(() => Int, { description: '工作人员 — staff on its roster' })
  async staff(@Root() centre: ServiceCentre, @Ctx() ctx: SubgraphContext): Promise<number> {
    return (await rosterFigures(ctx, centre.id)).staff;
  }

  @FieldResolver(() => Float, {
    description:
      'B岗覆盖率 — share of its staff backed by a colleague on its roster (B岗), 0–1; 0 while it has no staff',
  })
  async backupCoverage(@Root() centre: ServiceCentre, @Ctx() ctx: SubgraphContext): Promise<number> {
    const { staff, backed } = await rosterFigures(ctx, centre.id);
    return staff > 0 ? backed / staff : 0;
  }

  @FieldResolver(() => ServiceWindowConnection, { description: '窗口 — its windows by number' })
  serviceWindows(@Root() centre: ServiceCentre, @Args() args: PageArgs, @Ctx() ctx: SubgraphContext) {
    const filter = { sql: 'w.centre_id = ?', params: [centre.id] };
    return pageRows(ctx, ServiceWindow, 'w', filter, args, 'number', 'id');
  }

  @FieldResolver(() => ServiceStaffConnection, {
    description: '人员名册 — its staff by name (those who left too: see `active`)',
  })
  roster(@Root() centre: ServiceCentre, @Args() args: PageArgs, @Ctx() ctx: SubgraphContext) {
    const filter = { sql: 's.centre_id = ?', params: [centre.id] };
    return pageRows(ctx, ServiceStaff, 's', filter, args, 'name', 'id');
  }
}
