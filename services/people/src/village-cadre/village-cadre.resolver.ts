import { Arg, Args, Ctx, FieldResolver, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import { z } from 'zod';
import { assertPerformAction, hasSomeValue, SOME_VALUE_MESSAGE, updateRule } from '@county/kit';
import {
  ConnectionType,
  entityLoader,
  findForUpdate,
  pageRows,
  parseInput,
  presentFields,
} from '@county/kit';
import { allOf, type Page, type RowFilter, type SubgraphContext } from '@county/kit';
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
/** A placement plan requires both fields: a null clears nothing and is refused as `required`. */
const placementChangesRule = updateRule(
  z.object({ placement: z.enum(Placement), placementNote: textRule(200) }).partial(),
).refine(hasSomeValue, SOME_VALUE_MESSAGE);

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
    const filters: RowFilter[] = [];
    if (args.regionCode)
      filters.push({
        sql: organizationInRegion('d.organization_id'),
        params: [regionPattern(args.regionCode)],
      });
    if (args.placement) filters.push({ sql: 'd.placement = ?', params: [args.placement] });
    return pageRows(ctx, DepartingCadre, 'd', allOf(...filters), args, 'id', 'id');
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
    const changes = parseInput(placementChangesRule, presentFields(input), 'input');
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
