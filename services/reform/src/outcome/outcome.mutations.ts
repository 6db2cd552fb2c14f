import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import {
  assertCurrentVersion,
  assertPerformAction,
  badInput,
  findForUpdate,
  parseInput,
  type SubgraphContext,
} from '@county/kit';
import { uuidRule, yearRule } from '@county/domain';
import { permissions } from '../permissions';
import { requestToday } from '../dates';
import { requireTasks } from '../dispatch/task-references';
import { Outcome, OutcomeCriterion } from './outcome.entity';
import { JudgeOutcomeInput, OutcomeCriterionInput, RecordOutcomeInput } from './outcome.args';
import { criteriaRule, judgeOutcomeRule, recordOutcomeRule } from './outcome.rules';

/** The outcome library: entries, the year's criteria (data the office sets) and the judgement against them. */
@Resolver(() => Outcome)
export class OutcomeMutations {
  @Mutation(() => [OutcomeCriterion], {
    description:
      '设置出圈标准 — role reform-office: replaces the year’s criteria; a criterion an outcome of the year meets cannot be dropped',
  })
  async setOutcomeCriteria(
    @Arg('year', () => Int) year: number,
    @Arg('criteria', () => [OutcomeCriterionInput]) criteria: OutcomeCriterionInput[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<OutcomeCriterion[]> {
    assertPerformAction(ctx, permissions, 'outcome.write');
    parseInput(yearRule, year, 'year');
    const data = parseInput(criteriaRule, criteria, 'criteria');
    return ctx.em.transactional(async (em) => {
      await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`reform.outcome-criteria.${year}`]);
      const kept = new Set(data.map((c) => c.key));
      const [inUse] = await em.execute<{ key: string }[]>(
        `select k as key from outcome o, unnest(o.criteria_met) k where o.year = ? and k not in (select value from json_array_elements_text(?::json)) limit 1`,
        [year, JSON.stringify([...kept])],
      );
      if (inUse)
        throw badInput(
          'criteria',
          'in-use',
          `criterion ${inUse.key} is met by an outcome of ${year}: keep it`,
        );
      await em.nativeDelete(OutcomeCriterion, { year });
      return data.map((c, i) =>
        em.create(OutcomeCriterion, {
          id: crypto.randomUUID(),
          year,
          key: c.key,
          name: c.name,
          position: i + 1,
        }),
      );
    });
  }

  @Mutation(() => Outcome, { description: '登记改革成果 — role reform-office: an outcome or showcase case' })
  async recordOutcome(
    @Arg('input') input: RecordOutcomeInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Outcome> {
    assertPerformAction(ctx, permissions, 'outcome.write');
    const data = parseInput(recordOutcomeRule, input, 'input');
    await requireTasks(ctx, data.taskIds, 'input.taskIds');
    await ctx.directory.requireExisting('input.regionCode', 'Region', [data.regionCode]);
    await ctx.directory.requireExisting('input.leadOrganizationId', 'Organization', [
      data.leadOrganizationId,
    ]);
    const outcome = ctx.em.create(Outcome, {
      id: crypto.randomUUID(),
      ...data,
      taskIds: [...new Set(data.taskIds)],
      criteriaMet: [],
      selected: false,
      judgedOn: null,
    });
    await ctx.em.flush();
    return outcome;
  }

  @Mutation(() => Outcome, {
    description:
      '成果评定 — role reform-office: judges an outcome against its year’s criteria (出圈标准) and selects it or not; send its `version`',
  })
  async judgeOutcome(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: JudgeOutcomeInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Outcome> {
    assertPerformAction(ctx, permissions, 'outcome.write');
    parseInput(uuidRule, id, 'id');
    const data = parseInput(judgeOutcomeRule, input, 'input');
    const outcome = await findForUpdate(ctx, Outcome, 'id', id, 'id');
    assertCurrentVersion(outcome.version, data.version, 'input.version');
    const keys = (await ctx.em.find(OutcomeCriterion, { year: outcome.year }, { fields: ['key'] })).map(
      (c) => c.key,
    );
    if (!keys.length)
      throw badInput(
        'input.criteriaMet',
        'criteria-set',
        `no criteria are set for ${outcome.year}: set them with setOutcomeCriteria first`,
      );
    const unknown = data.criteriaMet.findIndex((key) => !keys.includes(key));
    if (unknown >= 0)
      throw badInput(
        `input.criteriaMet.${unknown}`,
        'criterion',
        `${data.criteriaMet[unknown]} is not a criterion of ${outcome.year} (${keys.join(', ')})`,
      );
    Object.assign(outcome, {
      criteriaMet: [...new Set(data.criteriaMet)],
      selected: data.selected,
      judgedOn: requestToday(ctx),
    });
    await ctx.em.flush();
    return outcome;
  }
}
