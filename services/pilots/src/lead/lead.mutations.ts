import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { uuidRule } from '@county/domain';
import {
  assertCurrentVersion,
  assertPerformAction,
  badInput,
  findForUpdate,
  parseInput,
  type SubgraphContext,
} from '@county/kit';
import { permissions } from '../permissions';
import { LeadStatus } from '../vocabulary';
import { PilotLead } from './lead.entity';
import { CreatePilotLeadInput, SetPilotLeadStatusInput } from './lead.args';
import { createPilotLeadRule, LEAD_NEXT, LEAD_STEP, setPilotLeadStatusRule } from './lead.rules';

/** The organisation's region, from the directory: leads are counted under it. */
async function regionOfOrganization(ctx: SubgraphContext, id: string): Promise<string> {
  const regionCode = await ctx.directory.organizationRegion(id);
  if (regionCode === null)
    throw badInput('input.organizationId', 'exists', `no Organization with id "${id}" in the directory`);
  return regionCode;
}

@Resolver(() => PilotLead)
export class PilotLeadMutations {
  @Mutation(() => PilotLead, {
    description: '下发试点线索 — hand a lead to an organisation; role reform-office',
  })
  async createPilotLead(
    @Arg('input') input: CreatePilotLeadInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PilotLead> {
    assertPerformAction(ctx, permissions, 'lead.write');
    const data = parseInput(createPilotLeadRule, input, 'input');
    const regionCode = await regionOfOrganization(ctx, data.organizationId);
    const lead = ctx.em.create(PilotLead, {
      id: crypto.randomUUID(),
      ...data,
      regionCode,
      status: LeadStatus.ASSIGNED,
    });
    await ctx.em.flush();
    return lead;
  }

  @Mutation(() => PilotLead, {
    description: '线索进展 — assigned → pursuing → won or not won, never back; role reform-office',
  })
  async setPilotLeadStatus(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: SetPilotLeadStatusInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<PilotLead> {
    assertPerformAction(ctx, permissions, 'lead.write');
    parseInput(uuidRule, id, 'id');
    const data = parseInput(setPilotLeadStatusRule, input, 'input');
    const lead = await findForUpdate(ctx, PilotLead, 'id', id, 'id');
    assertCurrentVersion(lead.version, data.version);
    if (!LEAD_NEXT[lead.status].includes(data.status)) {
      const rule = LEAD_STEP[data.status] <= LEAD_STEP[lead.status] ? 'forward-only' : 'no-skipping';
      throw badInput('input.status', rule, `a ${lead.status} lead cannot become ${data.status}`);
    }
    lead.status = data.status;
    await ctx.em.flush();
    return lead;
  }
}
