import { Arg, Ctx, FieldResolver, ID, Int, Mutation, Resolver, Root } from 'type-graphql';
import {
  assertCurrentVersion,
  assertPerformAction,
  badInput,
  findForUpdate,
  parseInput,
  type SubgraphContext,
} from '@county/kit';
import { uuidRule } from '@county/domain';
import { permissions } from '../permissions';
import { organizationRef, OrganizationRef } from '../directory';
import { Assessment } from './assessment.entity';
import { IndicatorScoreInput, RecordAssessmentInput } from './assessment.args';
import { recordAssessmentRule, scoresRule, weightedTotal } from './assessment.rules';

/** Entering and correcting assessments: the results board (问效榜) reads them as they are written. */
@Resolver(() => Assessment)
export class AssessmentMutations {
  @Mutation(() => Assessment, {
    description:
      '录入考核 — role reform-office: one assessment per organisation and year (correct it with correctAssessment)',
  })
  async recordAssessment(
    @Arg('input') input: RecordAssessmentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Assessment> {
    assertPerformAction(ctx, permissions, 'assessment.write');
    const data = parseInput(recordAssessmentRule, input, 'input');
    if (await ctx.em.count(Assessment, { organizationId: data.organizationId, year: data.year }))
      throw badInput(
        'input.organizationId',
        'unique',
        `the organisation already has an assessment for ${data.year}: correct it with correctAssessment`,
      );
    // the board of a region ranks the organisations located there when assessed
    const regionCode = await ctx.directory.organizationRegion(data.organizationId);
    if (!regionCode)
      throw badInput('input.organizationId', 'exists', 'no Organization with this id in the directory');
    const assessment = ctx.em.create(Assessment, {
      id: crypto.randomUUID(),
      organizationId: data.organizationId,
      regionCode,
      year: data.year,
      scores: data.scores,
      total: weightedTotal(data.scores),
    });
    await ctx.em.flush();
    return assessment;
  }

  @Mutation(() => Assessment, {
    description:
      '更正考核 — role reform-office: replaces the indicator scores; send the `version` you read (CONFLICT when it is stale)',
  })
  async correctAssessment(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('scores', () => [IndicatorScoreInput]) scores: IndicatorScoreInput[],
    @Ctx() ctx: SubgraphContext,
  ): Promise<Assessment> {
    assertPerformAction(ctx, permissions, 'assessment.write');
    parseInput(uuidRule, id, 'id');
    const data = parseInput(scoresRule, scores, 'scores');
    const assessment = await findForUpdate(ctx, Assessment, 'id', id, 'id');
    assertCurrentVersion(assessment.version, version, 'version');
    assessment.scores = data;
    assessment.total = weightedTotal(data);
    await ctx.em.flush();
    return assessment;
  }

  @FieldResolver(() => OrganizationRef, { description: '单位 — the organisation assessed' })
  organization(@Root() assessment: Assessment): OrganizationRef {
    return organizationRef(assessment.organizationId);
  }
}
