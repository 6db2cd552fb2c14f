import { Arg, Ctx, Mutation, Resolver } from 'type-graphql';
import { assertSignedIn, badInput, parseInput } from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { assertWithin } from '../permissions';
import { MediationOrganization } from './mediation-organization.entity';
import { CreateMediationOrganizationInput } from './mediation-organization.args';
import { mediationOrganizationRule } from './mediation-organization.rules';

@Resolver(() => MediationOrganization)
export class MediationOrganizationMutations {
  @Mutation(() => MediationOrganization, {
    description: '新建调解组织 — roles: the township it lies in, or the county’s governance centre',
  })
  async createMediationOrganization(
    @Arg('input') input: CreateMediationOrganizationInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<MediationOrganization> {
    assertSignedIn(ctx);
    const data = parseInput(mediationOrganizationRule, input, 'input');
    await assertWithin(ctx, 'mediation-organization.create', data.regionCode);
    await ctx.directory.requireExisting('input.regionCode', 'Region', [data.regionCode]);
    if (data.organizationId) {
      await ctx.directory.requireExisting('input.organizationId', 'Organization', [data.organizationId]);
      if (await ctx.em.count(MediationOrganization, { organizationId: data.organizationId })) {
        throw badInput('input.organizationId', 'unique', 'is already registered as a mediation organisation');
      }
    }
    const organization = ctx.em.create(MediationOrganization, {
      id: crypto.randomUUID(),
      ...data,
      organizationId: data.organizationId ?? null,
    });
    await ctx.em.flush();
    return organization;
  }
}
