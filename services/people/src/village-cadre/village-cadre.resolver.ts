import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { z } from 'zod';
import { assertPerformAction, hasSomeValue, SOME_VALUE_MESSAGE } from '@county/kit';
import { ConnectionType, entityLoader, findForUpdate, paginate, parseInput, givenValues } from '@county/kit';
import type { Page, SubgraphContext } from '@county/kit';
import { regionCodeRule, textRule, uuidRule } from '@county/domain';
import { Person } from '../person/person.entity';
import { Organization } from '../organization/organization.entity';
import { permissions, seesPersonalData } from '../permissions';
import { flushVersioned, requireVersion } from '../workforce/versioned';
import { organizationInRegion, regionPattern } from '../workforce/region-filter';
import { Placement } from '../workforce/vocabulary';
import { DepartingCadre } from './departing-cadre.entity';
import { VillageCadreTerm } from './village-cadre-term.entity';
import { DepartingCadresArgs, UpdatePlacementPlanInput } from './village-cadre.args';

export const DepartingCadreConnection = ConnectionType(
  DepartingCadre,
  '离任村干部列表 — a page of departing cadres',
);

const departingArgsRule = z.object({ regionCode: regionCodeRule.nullish() });
const placementChangesRule = z
  .object({ placement: z.enum(Placement), placementNote: textRule(200) })
  .partial()
  .refine(hasSomeValue, SOME_VALUE_MESSAGE);

@Resolver(() => DepartingCadre)
export class DepartingCadreResolver {
  @Query(() => DepartingCadreConnection, {
    description:
      '离任村干部 — departing village cadres and their placement plans (一人一策), by region and placement',
  })
  departingCadres(
    @Args() args: DepartingCadresArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<DepartingCadre>> {
    parseInput(departingArgsRule, args, '');
    const qb = ctx.em.createQueryBuilder(DepartingCadre, 'd');
    if (args.regionCode)
      qb.andWhere(organizationInRegion('d.organization_id'), [regionPattern(args.regionCode)]);
    if (args.placement) qb.andWhere({ placement: args.placement });
    return paginate(qb, args, 'id', 'id');
  }

  @FieldResolver(() => Organization, { description: '原任职村 — the village committee served' })
  organization(@Root() cadre: DepartingCadre, @Ctx() ctx: SubgraphContext): Promise<Organization | null> {
    return entityLoader(ctx, Organization, 'id').load(cadre.organizationId);
  }

  @FieldResolver(() => Organization, { description: '责任单位 — the township carrying out the plan' })
  responsibleOrganization(
    @Root() cadre: DepartingCadre,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Organization | null> {
    return entityLoader(ctx, Organization, 'id').load(cadre.responsibleOrganizationId);
  }

  @FieldResolver(() => String, {
    nullable: true,
    description: '安置方案 — what the plan provides; personal data: null unless the caller has hr',
  })
  placementNote(@Root() cadre: DepartingCadre, @Ctx() ctx: SubgraphContext): string | null {
    return seesPersonalData(ctx) ? cadre.placementNote : null;
  }

  @Mutation(() => DepartingCadre, { description: '修改安置方案 — send the version you read (role hr)' })
  async updatePlacementPlan(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: UpdatePlacementPlanInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<DepartingCadre> {
    assertPerformAction(ctx, permissions, 'workforce.write');
    parseInput(uuidRule, id, 'id');
    const changes = parseInput(placementChangesRule, givenValues(input), 'input');
    const cadre = await findForUpdate(ctx, DepartingCadre, 'id', id, 'id');
    requireVersion(cadre, version);
    ctx.em.assign(cadre, changes);
    await flushVersioned(ctx, cadre);
    return cadre;
  }
}

@Resolver(() => VillageCadreTerm)
export class VillageCadreTermResolver {
  @FieldResolver(() => Organization, { description: '村（社区）— the village or community committee' })
  organization(@Root() term: VillageCadreTerm, @Ctx() ctx: SubgraphContext): Promise<Organization | null> {
    return entityLoader(ctx, Organization, 'id').load(term.organizationId);
  }

  @FieldResolver(() => Person, { description: '村干部 — the cadre' })
  person(@Root() term: VillageCadreTerm, @Ctx() ctx: SubgraphContext): Promise<Person | null> {
    return entityLoader(ctx, Person, 'id').load(term.personId);
  }
}
