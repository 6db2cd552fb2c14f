import { Arg, Ctx, ID, Int, Mutation, Resolver } from 'type-graphql';
import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { OrganizationType, uuidRule } from '@county/domain';
import {
  assertPerformAction,
  badInput,
  notFound,
  parseInput,
  presentFields,
  requireExisting,
} from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { Organization } from '../organization/organization.entity';
import { Person } from '../person/person.entity';
import { permissions } from '../permissions';
import { requireVersion } from '../workforce/versioned';
import { VillageCadreTerm } from './village-cadre-term.entity';
import { CreateVillageCadreTermInput, UpdateVillageCadreTermInput } from './village-cadre.args';
import {
  createVillageCadreTermRule,
  villageCadreTermChangesRule,
  villageCadreTermRule,
} from './village-cadre-term.rules';

const VILLAGE_COMMITTEES: string[] = [
  OrganizationType.VILLAGE_COMMITTEE,
  OrganizationType.COMMUNITY_COMMITTEE,
];

async function requireVillageCommittee(ctx: SubgraphContext, organizationId: string): Promise<void> {
  const organization = await requireExisting(ctx, Organization, 'id', organizationId, 'input.organizationId');
  if (!VILLAGE_COMMITTEES.includes(organization.type)) {
    throw badInput(
      'input.organizationId',
      'village-committee',
      'a village cadre serves a 村民委员会 or 居民委员会 (VILLAGE_COMMITTEE, COMMUNITY_COMMITTEE)',
    );
  }
}

/**
 * One post at a time per person and village: a term overlapping another of the same person in the same
 * village is refused (the person's row is locked first, so two concurrent writes cannot both pass).
 */
async function assertOnePostAtATime(
  em: EntityManager,
  term: { personId: string; organizationId: string; termStart: string; termEnd: string },
  exceptId?: string,
): Promise<void> {
  await em.findOneOrFail(Person, { id: term.personId }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  const overlapping = await em.findOne(VillageCadreTerm, {
    personId: term.personId,
    organizationId: term.organizationId,
    termStart: { $lt: term.termEnd },
    termEnd: { $gt: term.termStart },
    ...(exceptId ? { id: { $ne: exceptId } } : {}),
  });
  if (overlapping) {
    throw badInput(
      'input.termStart',
      'one-post-per-village',
      `the person holds ${overlapping.position} in this village ${overlapping.termStart}–${overlapping.termEnd}: one post at a time`,
    );
  }
}

@Resolver(() => VillageCadreTerm)
export class VillageCadreTermMutations {
  @Mutation(() => VillageCadreTerm, {
    description: '新增村干部任职 — a post and term in a village; one post at a time per village (role hr)',
  })
  async createVillageCadreTerm(
    @Arg('input') input: CreateVillageCadreTermInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<VillageCadreTerm> {
    assertPerformAction(ctx, permissions, 'village-cadre-term.write');
    const data = parseInput(createVillageCadreTermRule, input, 'input');
    await requireExisting(ctx, Person, 'id', data.personId, 'input.personId');
    await requireVillageCommittee(ctx, data.organizationId);
    return ctx.em.transactional(async (em) => {
      await assertOnePostAtATime(em, data);
      return em.create(VillageCadreTerm, { id: crypto.randomUUID(), ...data });
    });
  }

  @Mutation(() => VillageCadreTerm, {
    description: '修改村干部任职 — correct a post or term; send the version you read (role hr)',
  })
  async updateVillageCadreTerm(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input') input: UpdateVillageCadreTermInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<VillageCadreTerm> {
    assertPerformAction(ctx, permissions, 'village-cadre-term.write');
    parseInput(uuidRule, id, 'id');
    const changes = parseInput(villageCadreTermChangesRule, presentFields(input), 'input');
    return ctx.em.transactional(async (em) => {
      const term = await em.findOne(VillageCadreTerm, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      if (!term) throw notFound('id', `no village cadre term has id ${id}`);
      requireVersion(term, version);
      const { position, termStart, termEnd, newlyElected } = term;
      const next = parseInput(
        villageCadreTermRule,
        { position, termStart, termEnd, newlyElected, ...changes },
        'input',
      );
      await assertOnePostAtATime(em, { ...term, ...next }, term.id);
      em.assign(term, next);
      return term;
    });
  }
}
