import { Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import {
  allOf,
  ConnectionType,
  entityLoader,
  pageRows,
  parseInput,
  type Page,
  type RowFilter,
  type SubgraphContext,
} from '@county/kit';
import { regionCodePrefix } from '@county/domain';
import { OrganizationRef, RegionRef, organizationRef, regionRef } from '../directory';
import { ReformTask } from '../task/task.entity';
import { Inspection } from './inspection.entity';
import { InspectionsArgs } from './inspection.args';
import { inspectionsArgsRule } from './inspection.rules';

export const InspectionConnection = ConnectionType(Inspection, '督察列表 — a page of inspections');

@Resolver(() => Inspection)
export class InspectionResolver {
  @Query(() => InspectionConnection, {
    description: '督察 — on-site inspections by year and region visited (and below), earliest first',
  })
  inspections(@Args() args: InspectionsArgs, @Ctx() ctx: SubgraphContext): Promise<Page<Inspection>> {
    parseInput(inspectionsArgsRule, args, '');
    const filters: RowFilter[] = [];
    if (args.year) filters.push({ sql: 'i.year = ?', params: [args.year] });
    if (args.regionCode)
      filters.push({
        sql: `exists (select 1 from unnest(i.region_codes) c where c like ? || '%')`,
        params: [regionCodePrefix(args.regionCode) ?? ''],
      });
    return pageRows(ctx, Inspection, 'i', allOf(...filters), args, 'inspectedOn', 'id');
  }

  @FieldResolver(() => [OrganizationRef], { description: '督察单位 — who inspected' })
  inspectorOrganizations(@Root() inspection: Inspection): OrganizationRef[] {
    return inspection.inspectorOrganizationIds.map(organizationRef);
  }

  @FieldResolver(() => [OrganizationRef], {
    description: '被督察单位 — the townships and departments inspected',
  })
  inspectedOrganizations(@Root() inspection: Inspection): OrganizationRef[] {
    return inspection.inspectedOrganizationIds.map(organizationRef);
  }

  @FieldResolver(() => [RegionRef], { description: '督察地点 — the regions visited' })
  regions(@Root() inspection: Inspection): RegionRef[] {
    return inspection.regionCodes.map(regionRef);
  }

  @FieldResolver(() => [ReformTask], { description: '督察任务 — the reform tasks inspected' })
  async tasks(@Root() inspection: Inspection, @Ctx() ctx: SubgraphContext): Promise<ReformTask[]> {
    const tasks = await entityLoader(ctx, ReformTask, 'id').loadMany(inspection.taskIds);
    return tasks.filter((task): task is ReformTask => !!task && !(task instanceof Error));
  }
}
