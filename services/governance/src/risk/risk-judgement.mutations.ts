import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { PersonRole } from '@county/domain';
import { assertSignedIn, parseInput } from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { assertWithin } from '../permissions';
import { requireDirectoryPerson } from '../person/directory-person';
import { RiskJudgement } from './risk-judgement.entity';
import { JudgeVillageRiskInput } from './risk-judgement.args';
import { judgementRule } from './risk-judgement.rules';

@Resolver(() => RiskJudgement)
export class RiskJudgementMutations {
  @Mutation(() => RiskJudgement, {
    description: '风险村研判 — roles: the village’s township, or the county’s governance centre',
  })
  async judgeVillageRisk(
    @Arg('input') input: JudgeVillageRiskInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<RiskJudgement> {
    assertSignedIn(ctx);
    const data = parseInput(judgementRule, input, 'input');
    await assertWithin(ctx, 'risk.judge', data.regionCode);
    await ctx.directory.requireExisting('input.regionCode', 'Region', [data.regionCode]);
    if (data.leaderId) {
      await requireDirectoryPerson(ctx, 'input.leaderId', data.leaderId, PersonRole.COUNTY_LEADER);
    }
    // one judgement per village and year: judging again replaces it
    const values = { ...data, leaderId: data.leaderId ?? null };
    const existing = await ctx.em.findOne(RiskJudgement, { regionCode: data.regionCode, year: data.year });
    if (existing) ctx.em.assign(existing, values);
    const judgement = existing ?? ctx.em.create(RiskJudgement, { id: crypto.randomUUID(), ...values });
    await ctx.em.flush();
    return judgement;
  }
}
