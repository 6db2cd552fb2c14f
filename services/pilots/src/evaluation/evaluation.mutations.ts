import { Arg, Ctx, FieldResolver, Float, ID, Mutation, Resolver, Root } from 'type-graphql';
import { badInput, findForUpdate, type SubgraphContext } from '@county/kit';
import { PilotStage } from '../vocabulary';
import { Pilot } from '../pilot/pilot.entity';
import { parseMove } from '../pilot/pilot.mutations';
import { Evaluation } from './evaluation.entity';
import { EvaluationInput } from './evaluation.args';
import { evaluationRule } from './evaluation.rules';

@Resolver(() => Evaluation)
export class EvaluationResolver {
  @Mutation(() => Evaluation, {
    description: '第三方评估 — record an evaluation of a pilot; role reform-office',
  })
  async recordEvaluation(
    @Arg('pilotId', () => ID) pilotId: string,
    @Arg('input') input: EvaluationInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Evaluation> {
    const { answers, ...data } = parseMove(ctx, pilotId, evaluationRule, input, 'pilotId');
    const pilot = await findForUpdate(ctx, Pilot, 'id', pilotId, 'pilotId');
    if (pilot.stage === PilotStage.PURSUING)
      throw badInput('pilotId', 'stage', 'a pilot still being pursued cannot be evaluated');
    const evaluation = ctx.em.create(Evaluation, { id: crypto.randomUUID(), pilotId, ...data, ...answers });
    await ctx.em.flush();
    return evaluation;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description:
      '非常满意率 — very satisfied among the questionnaires returned (0–1); null when none returned',
  })
  verySatisfiedShare(@Root() evaluation: Evaluation): number | null {
    const { questionnairesReturned: returned, verySatisfied } = evaluation;
    return returned ? verySatisfied / returned : null;
  }

  @FieldResolver(() => Float, {
    nullable: true,
    description: '满意率 — very satisfied and satisfied among those returned (0–1); null when none returned',
  })
  satisfiedShare(@Root() evaluation: Evaluation): number | null {
    const { questionnairesReturned: returned, verySatisfied, satisfied } = evaluation;
    return returned ? (verySatisfied + satisfied) / returned : null;
  }
}
