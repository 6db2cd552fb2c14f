import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { uuidRule } from '@county/domain';
import {
  assertCurrentVersion,
  assertPerformAction,
  badInput,
  findForUpdate,
  parseInput,
  presentFields,
  type SubgraphContext,
} from '@county/kit';
import type { z } from 'zod';
import { permissions } from '../permissions';
import { PilotLead } from '../lead/lead.entity';
import { LeadStatus, PilotStage } from '../vocabulary';
import { Pilot } from './pilot.entity';
import {
  AcceptPilotInput,
  ApprovePilotInput,
  ClosePilotInput,
  CreatePilotInput,
  StartPilotInput,
  UpdatePilotInput,
} from './pilot.args';
import {
  acceptPilotRule,
  approvePilotRule,
  closePilotRule,
  createPilotRule,
  startPilotRule,
  updatePilotRule,
} from './pilot.rules';
import { requireMove } from './pilot.stage';

/** Checks every directory id a pilot names; refuses the write (naming the field) if one is unknown. */
async function requireDirectoryRecords(
  ctx: SubgraphContext,
  ids: {
    leadOrganizationId?: string | null;
    participatingOrganizationIds?: string[] | null;
    leaderId?: string | null;
    regionCodes?: string[] | null;
  },
): Promise<void> {
  const { directory } = ctx;
  if (ids.leadOrganizationId)
    await directory.requireExisting('input.leadOrganizationId', 'Organization', [ids.leadOrganizationId]);
  if (ids.participatingOrganizationIds)
    await directory.requireExisting(
      'input.participatingOrganizationIds',
      'Organization',
      ids.participatingOrganizationIds,
    );
  if (ids.leaderId) await directory.requireExisting('input.leaderId', 'Person', [ids.leaderId]);
  if (ids.regionCodes) await directory.requireExisting('input.regionCodes', 'Region', ids.regionCodes);
}

/** Loads the pilot to move and checks the version and the move; the caller then applies it. */
export async function pilotToMove(
  ctx: SubgraphContext,
  id: string,
  version: number,
  to: PilotStage,
): Promise<Pilot> {
  const pilot = await findForUpdate(ctx, Pilot, 'id', id, 'id');
  assertCurrentVersion(pilot.version, version);
  requireMove(pilot, to);
  return pilot;
}

/** Checks the caller (reform office) and the arguments of a write to a pilot, before anything is read. */
export function parseMove<S extends z.ZodType>(
  ctx: SubgraphContext,
  id: string,
  rule: S,
  input: unknown,
  idArgument = 'id',
): z.infer<S> {
  assertPerformAction(ctx, permissions, 'pilot.write');
  parseInput(uuidRule, id, idArgument);
  return parseInput(rule, input, 'input');
}

@Resolver(() => Pilot)
export class PilotMutations {
  @Mutation(() => Pilot, {
    description: '登记试点 — enter a pilot in the pursuit ledger; role reform-office',
  })
  async createPilot(@Arg('input') input: CreatePilotInput, @Ctx() ctx: SubgraphContext): Promise<Pilot> {
    assertPerformAction(ctx, permissions, 'pilot.write');
    const data = parseInput(createPilotRule, input, 'input');
    if (data.leadId) {
      const lead = await ctx.em.findOne(PilotLead, { id: data.leadId });
      if (!lead) throw badInput('input.leadId', 'exists', `no pilot lead has id ${data.leadId}`);
      if (lead.status === LeadStatus.NOT_WON)
        throw badInput('input.leadId', 'not-lost', 'the lead was not won: no pilot comes from it');
      if (lead.level !== data.level)
        throw badInput('input.level', 'lead-level', `must be the level of its lead (${lead.level})`);
    }
    await requireDirectoryRecords(ctx, data);
    const pilot = ctx.em.create(Pilot, {
      id: crypto.randomUUID(),
      ...data,
      stage: PilotStage.PURSUING,
      startsOn: data.startsOn ?? null,
      leadId: data.leadId ?? null,
      approvingBody: null,
      approvalDocumentNumber: null,
      approvedOn: null,
      acceptedOn: null,
      acceptingBody: null,
      closedOn: null,
    });
    await ctx.em.flush();
    return pilot;
  }

  @Mutation(() => Pilot, { description: '修改试点 — change a pilot’s particulars; role reform-office' })
  async updatePilot(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: UpdatePilotInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Pilot> {
    const { version, ...changes } = parseMove(ctx, id, updatePilotRule, input);
    const pilot = await findForUpdate(ctx, Pilot, 'id', id, 'id');
    assertCurrentVersion(pilot.version, version);
    const present = presentFields(changes);
    if (present.participatingOrganizationIds?.includes(pilot.leadOrganizationId))
      throw badInput(
        'input.participatingOrganizationIds',
        'not-lead',
        'the lead organisation is not also a participant',
      );
    if (present.deadline && pilot.startsOn && present.deadline < pilot.startsOn)
      throw badInput('input.deadline', 'after-start', 'must not be before the start');
    await requireDirectoryRecords(ctx, present);
    Object.assign(pilot, present);
    await ctx.em.flush();
    return pilot;
  }

  @Mutation(() => Pilot, { description: '获批 — pursuing → approved; role reform-office' })
  async approvePilot(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: ApprovePilotInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Pilot> {
    const data = parseMove(ctx, id, approvePilotRule, input);
    const pilot = await pilotToMove(ctx, id, data.version, PilotStage.APPROVED);
    Object.assign(pilot, {
      stage: PilotStage.APPROVED,
      approvingBody: data.approvingBody,
      approvalDocumentNumber: data.approvalDocumentNumber ?? null,
      approvedOn: data.approvedOn,
    });
    await ctx.em.flush();
    return pilot;
  }

  @Mutation(() => Pilot, {
    description: '启动实施 — approved → in progress (work ledger); role reform-office',
  })
  async startPilot(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: StartPilotInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Pilot> {
    const data = parseMove(ctx, id, startPilotRule, input);
    const pilot = await pilotToMove(ctx, id, data.version, PilotStage.IN_PROGRESS);
    const startsOn = data.startsOn ?? pilot.startsOn ?? pilot.approvedOn;
    if (startsOn && pilot.approvedOn && startsOn < pilot.approvedOn)
      throw badInput(
        'input.startsOn',
        'after-approval',
        `must not be before the approval (${pilot.approvedOn})`,
      );
    Object.assign(pilot, { stage: PilotStage.IN_PROGRESS, startsOn });
    await ctx.em.flush();
    return pilot;
  }

  @Mutation(() => Pilot, { description: '验收 — in progress → accepted; role reform-office' })
  async acceptPilot(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: AcceptPilotInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Pilot> {
    const data = parseMove(ctx, id, acceptPilotRule, input);
    const pilot = await pilotToMove(ctx, id, data.version, PilotStage.ACCEPTED);
    if (pilot.approvedOn && data.acceptedOn < pilot.approvedOn)
      throw badInput(
        'input.acceptedOn',
        'after-approval',
        `must not be before the approval (${pilot.approvedOn})`,
      );
    Object.assign(pilot, {
      stage: PilotStage.ACCEPTED,
      acceptingBody: data.acceptingBody,
      acceptedOn: data.acceptedOn,
    });
    await ctx.em.flush();
    return pilot;
  }

  @Mutation(() => Pilot, { description: '销号 — accepted (or promoted) → closed; role reform-office' })
  async closePilot(
    @Arg('id', () => ID) id: string,
    @Arg('input') input: ClosePilotInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Pilot> {
    const data = parseMove(ctx, id, closePilotRule, input);
    const pilot = await pilotToMove(ctx, id, data.version, PilotStage.CLOSED);
    if (pilot.acceptedOn && data.closedOn < pilot.acceptedOn)
      throw badInput(
        'input.closedOn',
        'after-acceptance',
        `must not be before the acceptance (${pilot.acceptedOn})`,
      );
    Object.assign(pilot, { stage: PilotStage.CLOSED, closedOn: data.closedOn });
    await ctx.em.flush();
    return pilot;
  }
}
