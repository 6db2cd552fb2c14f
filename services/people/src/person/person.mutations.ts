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
import { permissions, seesPersonalData } from '../permissions';
import { Organization } from '../organization/organization.entity';
import { Person } from './person.entity';
import { idNumberProbes } from './id-number-probes';
import { CreatePersonInput, UpdatePersonInput } from './person.args';
import { personChangesRule, personRule } from './person.rules';

async function requireWritableOrganization(ctx: SubgraphContext, organizationId: string): Promise<void> {
  const organization = await requireExisting(ctx, Organization, 'id', organizationId, 'input.organizationId');
  assertPerformAction(ctx, permissions, 'person.write', organization);
}

/**
 * An ID number is unique in the directory, and a refusal says that the number is someone's. Only hr, who
 * may read every ID number anyway, is told so; anyone else gets one answer for every number in use (same
 * field, rule and text, whoever holds it) and a budget of checks (`idNumberProbes`), so a writer can try only
 * a few of the candidates for the 8 digits a masked ID number hides.
 */
async function requireUniqueIdNumber(
  ctx: SubgraphContext,
  idNumber: string,
  exceptId?: string,
): Promise<void> {
  const precise = seesPersonalData(ctx);
  if (!precise) await idNumberProbes().beforeLookup(ctx);
  const other = await ctx.em.count(Person, { idNumber, ...(exceptId ? { id: { $ne: exceptId } } : {}) });
  if (!other) {
    if (!precise) await idNumberProbes().free(ctx);
    return;
  }
  if (precise) throw badInput('input.idNumber', 'unique', 'belongs to another person in the directory');
  throw badInput(
    'input.idNumber',
    'usable',
    'cannot be used for this record; the organisation department (hr) can say why',
  );
}

@Resolver(() => Person)
export class PersonMutations {
  @Mutation(() => Person, { description: '新建人员 — roles hr, the township, or the person’s organisation' })
  async createPerson(@Arg('input') input: CreatePersonInput, @Ctx() ctx: SubgraphContext): Promise<Person> {
    assertSignedIn(ctx);
    const data = parseInput(personRule, input, 'input');
    await requireWritableOrganization(ctx, data.organizationId);
    await requireUniqueIdNumber(ctx, data.idNumber);
    const person = ctx.em.create(Person, { id: crypto.randomUUID(), ...data });
    await ctx.em.flush();
    return person;
  }

  @Mutation(() => Person, { description: '修改人员 — roles hr, the township, or the person’s organisation' })
  async updatePerson(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdatePersonInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Person> {
    assertSignedIn(ctx);
    parseInput(uuidRule, id, 'id');
    const changes = parseInput(personChangesRule, presentFields(input), 'input');
    const person = await findForUpdate(ctx, Person, 'id', id, 'id');
    await requireWritableOrganization(ctx, person.organizationId);
    const { name, gender, birthDate, roles, organizationId, position, phone, idNumber } = person;
    const current = { name, gender, birthDate, roles, organizationId, position, phone, idNumber };
    const next = parseInput(personRule, { ...current, ...changes }, 'input');
    if (next.organizationId !== person.organizationId)
      await requireWritableOrganization(ctx, next.organizationId);
    if (next.idNumber !== person.idNumber) await requireUniqueIdNumber(ctx, next.idNumber, id);
    ctx.em.assign(person, next);
    await ctx.em.flush();
    return person;
  }
}
