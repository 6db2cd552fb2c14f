import { Args, ArgsType, Ctx, Field, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import { z } from 'zod';
import { regionCodePrefix, regionCodeRule } from '@county/domain';
import { ConnectionType, PageArgs, paginate, parseInput, type Page } from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { OrganizationRef, RegionRef } from '../directory';
import { ServiceLevel } from '../vocabulary';
import { ServiceCentre } from './centre.entity';

@ArgsType()
export class ServiceCentresArgs extends PageArgs {
  @Field(() => ID, { nullable: true, description: 'In this region or anywhere below it' })
  regionCode?: string;

  @Field(() => ServiceLevel, { nullable: true })
  level?: ServiceLevel;
}

const argsRule = z.object({ regionCode: regionCodeRule.nullish() });

export const ServiceCentreConnection = ConnectionType(ServiceCentre, '服务中心列表 — a page of centres');

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
    const qb = ctx.em.createQueryBuilder(ServiceCentre, 'c');
    if (args.regionCode) qb.andWhere({ regionCode: { $like: `${regionCodePrefix(args.regionCode)}%` } });
    if (args.level) qb.andWhere({ level: args.level });
    return paginate(qb, args, 'name', 'id');
  }

  @FieldResolver(() => OrganizationRef, { description: '运行单位 — the organisation that runs it' })
  organization(@Root() centre: ServiceCentre): OrganizationRef {
    return { id: centre.organizationId };
  }

  @FieldResolver(() => RegionRef, { description: '所在区划 — its region' })
  region(@Root() centre: ServiceCentre): RegionRef {
    return { code: centre.regionCode };
  }
}
