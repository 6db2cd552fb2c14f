import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import {
  assertPerformAction,
  assertSignedIn,
  badInput,
  findForUpdate,
  parseInput,
  presentFields,
  requireExisting,
} from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { uuidRule } from '@county/domain';
import { permissions } from '../permissions';
import { Region } from '../region/region.entity';
import { Person } from '../person/person.entity';
import { Organization } from './organization.entity';
import { CreateOrganizationInput, UpdateOrganizationInput } from './organization.args';
import { createOrganizationRule, organizationCodeRule, updateOrganizationRule } from './organization.rules';

async function requireUniqueCreditCode(ctx: SubgraphContext, creditCode: string, exceptId?: string) {
  const other = await ctx.em.findOne(Organization, {
    creditCode,
    ...(exceptId ? { id: { $ne: exceptId } } : {}),
  });
  if (other) throw badInput('input.creditCode', 'unique', `is already the code of ${other.name}`);
}

@Resolver(() => Organization)
export class OrganizationMutations {
  @Mutation(() => Organization, { description: '新建单位 — roles hr, or the township it lies in' })
  async createOrganization(
    @Arg('input') input: CreateOrganizationInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Organization> {
    assertSignedIn(ctx);
    const data = parseInput(createOrganizationRule, input, 'input');
    await requireExisting(ctx, Region, 'code', data.regionCode, 'input.regionCode');
    if (data.parentId) await requireExisting(ctx, Organization, 'id', data.parentId, 'input.parentId');
    assertPerformAction(ctx, permissions, 'organization.create', { regionCode: data.regionCode });
    if (data.creditCode) await requireUniqueCreditCode(ctx, data.creditCode);
    const organization = ctx.em.create(Organization, {
      id: crypto.randomUUID(),
      ...data,
      parentId: data.parentId ?? null,
      creditCode: data.creditCode ?? null,
      leaderId: null,
    });
    await ctx.em.flush();
    return organization;
  }

  @Mutation(() => Organization, {
    description: '修改单位 — roles hr, its township, or the organisation itself',
  })
  async updateOrganization(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdateOrganizationInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Organization> {
    assertSignedIn(ctx);
    parseInput(uuidRule, id, 'id');
    const changes = parseInput(updateOrganizationRule, presentFields(input), 'input');
    const organization = await findForUpdate(ctx, Organization, 'id', id, 'id');
    assertPerformAction(ctx, permissions, 'organization.update', organization);
    // only when one of them changes: a unit recorded without a code before the rule stays editable
    if ('type' in changes || 'creditCode' in changes) {
      const { type, creditCode } = organization;
      parseInput(organizationCodeRule, { type, creditCode, ...changes }, 'input');
    }
    if (changes.regionCode) {
      await requireExisting(ctx, Region, 'code', changes.regionCode, 'input.regionCode');
      assertPerformAction(ctx, permissions, 'organization.update', { id, regionCode: changes.regionCode });
    }
    if (changes.parentId) {
      if (changes.parentId === id)
        throw badInput('input.parentId', 'not-self', 'an organisation cannot belong to itself');
      await requireExisting(ctx, Organization, 'id', changes.parentId, 'input.parentId');
    }
    if (changes.creditCode) await requireUniqueCreditCode(ctx, changes.creditCode, id);
    if (changes.leaderId) {
      const leader = await requireExisting(ctx, Person, 'id', changes.leaderId, 'input.leaderId');
      if (leader.organizationId !== id)
        throw badInput('input.leaderId', 'member', 'the leader must be a person of this organisation');
    }
    Object.assign(organization, changes);
    await ctx.em.flush();
    return organization;
  }
}
