import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import {
  assertPerformAction,
  assertSignedIn,
  badInput,
  findForUpdate,
  parseInput,
  type SubgraphContext,
} from '@county/kit';
import { uuidRule } from '@county/domain';
import { permissions } from '../permissions';
import { PilotStage } from '../vocabulary';
import { Pilot } from '../pilot/pilot.entity';
import { LedgerEntry } from './ledger-entry.entity';
import { LedgerEntryInput } from './ledger.args';
import { ledgerEntryRule } from './ledger.rules';

/** A ledger is kept from approval until acceptance. */
const KEEPS_LEDGER = new Set([PilotStage.APPROVED, PilotStage.IN_PROGRESS]);

@Resolver(() => LedgerEntry)
export class LedgerMutations {
  @Mutation(() => LedgerEntry, {
    description: '报送台账 — a monthly ledger entry, once per month; role department:<the lead organisation>',
  })
  async recordLedgerEntry(
    @Arg('pilotId', () => ID) pilotId: string,
    @Arg('input') input: LedgerEntryInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<LedgerEntry> {
    assertSignedIn(ctx);
    parseInput(uuidRule, pilotId, 'pilotId');
    const data = parseInput(ledgerEntryRule, input, 'input');
    const pilot = await findForUpdate(ctx, Pilot, 'id', pilotId, 'pilotId');
    assertPerformAction(ctx, permissions, 'ledger.record', pilot);
    if (!KEEPS_LEDGER.has(pilot.stage))
      throw badInput(
        'pilotId',
        'stage',
        `a ${pilot.stage} pilot keeps no monthly ledger (approved or in progress only)`,
      );
    if (pilot.approvedOn && data.month < pilot.approvedOn.slice(0, 7))
      throw badInput(
        'input.month',
        'after-approval',
        `must not be before the approval (${pilot.approvedOn})`,
      );
    if (await ctx.em.count(LedgerEntry, { pilotId, month: data.month }))
      throw badInput('input.month', 'unique', `${data.month} is already reported for this pilot`);
    const entry = ctx.em.create(LedgerEntry, {
      id: crypto.randomUUID(),
      pilotId,
      month: data.month,
      progress: data.progress,
      problems: data.problems ?? null,
      nextSteps: data.nextSteps ?? null,
      reportedBy: ctx.identity.name ?? ctx.identity.subject ?? 'unknown',
    });
    await ctx.em.flush();
    return entry;
  }
}
