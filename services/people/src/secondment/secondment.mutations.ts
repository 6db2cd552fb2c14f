import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { assertPerformAction, findForUpdate, parseInput, presentFields, requireExisting } from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { uuidRule } from '@county/domain';
import { Organization } from '../organization/organization.entity';
import { Person } from '../person/person.entity';
import { permissions } from '../permissions';
import { flushVersioned, requireVersion } from '../workforce/versioned';
import { Secondment } from './secondment.entity';
import { CreateSecondmentInput, UpdateSecondmentInput } from './secondment.args';
import { createSecondmentRule, secondmentChangesRule, secondmentRule } from './secondment.rules';

@Resolver(() => Secondment)
export class SecondmentMutations {
  @Mutation(() => Secondment, { description: '新增挂职 — role hr' })
  async createSecondment(
    @Arg('input') input: CreateSecondmentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Secondment> {
    assertPerformAction(ctx, permissions, 'workforce.write');
    const data = parseInput(createSecondmentRule, input, 'input');
    await requireExisting(ctx, Person, 'id', data.personId, 'input.personId');
    await requireExisting(ctx, Organization, 'id', data.fromOrganizationId, 'input.fromOrganizationId');
    await requireExisting(ctx, Organization, 'id', data.toOrganizationId, 'input.toOrganizationId');
    const secondment = ctx.em.create(Secondment, {
      id: crypto.randomUUID(),
      ...data,
      secondAssessmentGrade: null,
      secondAssessmentScore: null,
    });
    await ctx.em.flush();
    return secondment;
  }

  @Mutation(() => Secondment, {
    description: '修改挂职 — change the period or record the second assessment; send the version (role hr)',
  })
  async updateSecondment(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: UpdateSecondmentInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Secondment> {
    assertPerformAction(ctx, permissions, 'workforce.write');
    parseInput(uuidRule, id, 'id');
    const changes = parseInput(secondmentChangesRule, presentFields(input), 'input');
    const secondment = await findForUpdate(ctx, Secondment, 'id', id, 'id');
    requireVersion(secondment, version);
    const { startsOn, endsOn, secondAssessmentGrade, secondAssessmentScore } = secondment;
    const current = { startsOn, endsOn, secondAssessmentGrade, secondAssessmentScore };
    const next = parseInput(secondmentRule, { ...current, ...changes }, 'input');
    ctx.em.assign(secondment, {
      ...next,
      secondAssessmentGrade: next.secondAssessmentGrade ?? null,
      secondAssessmentScore: next.secondAssessmentScore ?? null,
    });
    await flushVersioned(ctx, secondment);
    return secondment;
  }
}
