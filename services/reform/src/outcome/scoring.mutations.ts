import { Arg, Ctx, Int, Mutation, Resolver } from 'type-graphql';
import { assertPerformAction, badInput, parseInput, type SubgraphContext } from '@county/kit';
import { yearRule } from '@county/domain';
import { permissions } from '../permissions';
import { requestToday } from '../dates';
import { LeadWon, ScoringRule } from './scoring.entity';
import { RecordLeadWonInput, ScoringRuleInput } from './scoring.args';
import { leadWonRule, scoringRulesRule } from './scoring.rules';

/** The bonus side of the results board (问效榜): the year's rules are data the reform office keeps. */
@Resolver(() => ScoringRule)
export class ScoringMutations {
  @Mutation(() => [ScoringRule], {
    description:
      '设置加分规则 — role reform-office: replaces the year’s bonus rules (an empty list clears them)',
  })
  async setScoringRules(
    @Arg('year', () => Int) year: number,
    @Arg('rules', () => [ScoringRuleInput]) rules: ScoringRuleInput[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<ScoringRule[]> {
    assertPerformAction(ctx, permissions, 'scoring.write');
    parseInput(yearRule, year, 'year');
    const data = parseInput(scoringRulesRule, rules, 'rules');
    return ctx.em.transactional(async (em) => {
      await em.execute('select pg_advisory_xact_lock(hashtext(?))', [`reform.scoring-rules.${year}`]);
      await em.nativeDelete(ScoringRule, { year });
      return data.map((rule) => em.create(ScoringRule, { id: crypto.randomUUID(), year, ...rule }));
    });
  }

  @Mutation(() => LeadWon, {
    description:
      '登记争取试点 — role reform-office: a provincial or state pilot an organisation won (scores bonus points)',
  })
  async recordLeadWon(
    @Arg('input') input: RecordLeadWonInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LeadWon> {
    assertPerformAction(ctx, permissions, 'scoring.write');
    const data = parseInput(leadWonRule, input, 'input');
    const today = requestToday(ctx);
    if (data.wonOn > today) throw badInput('input.wonOn', 'not-future', `must not be after today (${today})`);
    // the board of a region ranks the organisations located there when they won
    const regionCode = await ctx.directory.organizationRegion(data.organizationId);
    if (!regionCode)
      throw badInput('input.organizationId', 'exists', 'no Organization with this id in the directory');
    const lead = ctx.em.create(LeadWon, {
      id: crypto.randomUUID(),
      ...data,
      regionCode,
      year: Number(data.wonOn.slice(0, 4)),
    });
    await ctx.em.flush();
    return lead;
  }
}
