import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { assertPerformAction, badInput, parseInput, type SubgraphContext } from '@county/kit';
import { permissions } from '../permissions';
import { requestToday } from '../dates';
import { requireTasks } from '../dispatch/task-references';
import { Inspection } from './inspection.entity';
import { RecordInspectionInput } from './inspection.args';
import { recordInspectionRule } from './inspection.rules';

@Resolver(() => Inspection)
export class InspectionMutations {
  @Mutation(() => Inspection, {
    description: '登记督察 — role reform-office: who inspected, where, when, whom, and the findings',
  })
  async recordInspection(
    @Arg('input') input: RecordInspectionInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Inspection> {
    assertPerformAction(ctx, permissions, 'inspection.write');
    const data = parseInput(recordInspectionRule, input, 'input');
    const today = requestToday(ctx);
    if (data.inspectedOn > today)
      throw badInput('input.inspectedOn', 'not-future', `must not be after today (${today})`);
    await requireTasks(ctx, data.taskIds, 'input.taskIds');
    await ctx.directory.requireExisting(
      'input.inspectorOrganizationIds',
      'Organization',
      data.inspectorOrganizationIds,
    );
    await ctx.directory.requireExisting(
      'input.inspectedOrganizationIds',
      'Organization',
      data.inspectedOrganizationIds,
    );
    await ctx.directory.requireExisting('input.regionCodes', 'Region', data.regionCodes);
    const inspection = ctx.em.create(Inspection, {
      id: crypto.randomUUID(),
      title: data.title,
      inspectedOn: data.inspectedOn,
      year: Number(data.inspectedOn.slice(0, 4)),
      inspectorOrganizationIds: [...new Set(data.inspectorOrganizationIds)],
      inspectors: data.inspectors ?? null,
      regionCodes: [...new Set(data.regionCodes)],
      inspectedOrganizationIds: [...new Set(data.inspectedOrganizationIds)],
      taskIds: [...new Set(data.taskIds)],
      findings: data.findings,
    });
    await ctx.em.flush();
    return inspection;
  }
}
