import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import {
  assertPerformAction,
  badInput,
  findForUpdate,
  parseInput,
  presentFields,
  requireExisting,
} from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { uuidRule } from '@county/domain';
import { Person } from '../person/person.entity';
import { permissions } from '../permissions';
import { flushVersioned, requireVersion } from '../workforce/versioned';
import { AnnualAssessment } from './assessment.entity';
import { CreateAnnualAssessmentInput, UpdateAnnualAssessmentInput } from './assessment.args';
import { assessmentChangesRule, createAssessmentRule } from './assessment.rules';

@Resolver(() => AnnualAssessment)
export class AssessmentMutations {
  @Mutation(() => AnnualAssessment, { description: '录入年度考核 — one per person and year (role hr)' })
  async createAnnualAssessment(
    @Arg('input') input: CreateAnnualAssessmentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AnnualAssessment> {
    assertPerformAction(ctx, permissions, 'workforce.write');
    const data = parseInput(createAssessmentRule, input, 'input');
    await requireExisting(ctx, Person, 'id', data.personId, 'input.personId');
    if (await ctx.em.count(AnnualAssessment, { personId: data.personId, year: data.year })) {
      throw badInput('input.year', 'one-per-year', `the person has an assessment for ${data.year} already`);
    }
    const assessment = ctx.em.create(AnnualAssessment, { id: crypto.randomUUID(), ...data });
    await ctx.em.flush();
    return assessment;
  }

  @Mutation(() => AnnualAssessment, { description: '修改年度考核 — send the version you read (role hr)' })
  async updateAnnualAssessment(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: UpdateAnnualAssessmentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<AnnualAssessment> {
    assertPerformAction(ctx, permissions, 'workforce.write');
    parseInput(uuidRule, id, 'id');
    const changes = parseInput(assessmentChangesRule, presentFields(input), 'input');
    const assessment = await findForUpdate(ctx, AnnualAssessment, 'id', id, 'id');
    requireVersion(assessment, version);
    ctx.em.assign(assessment, changes);
    await flushVersioned(ctx, assessment);
    return assessment;
  }
}
