import { Arg, Args, Ctx, FieldResolver, ID, Int, Query, Resolver, Root } from 'type-graphql';
import {
  ConnectionType,
  entityGroupLoader,
  entityLoader,
  PageArgs,
  pageRows,
  parseInput,
  type Page,
  type SubgraphContext,
} from '@county/kit';
import { chinaDay, chinaYear, uuidRule } from '@county/domain';
import { pilotYearRule } from '../field-rules';
import { OrganizationRef, organizationRef, PersonRef, personRef, RegionRef } from '../directory';
import { PilotLead } from '../lead/lead.entity';
import { LedgerEntry } from '../ledger/ledger-entry.entity';
import { missingLedgerMonths } from '../ledger/missing-months';
import { Evaluation } from '../evaluation/evaluation.entity';
import { PromotionRecord } from '../promotion/promotion-record.entity';
import { PilotStage } from '../vocabulary';
import { Pilot } from './pilot.entity';
import { PilotsArgs } from './pilot.args';
import { pagePilots } from './pilot.query';

export const PilotConnection = ConnectionType(Pilot, '试点列表 — a page of pilots');
export const LedgerEntryConnection = ConnectionType(LedgerEntry, '台账 — a page of monthly ledger entries');

@Resolver(() => Pilot)
export class PilotResolver {
  @Query(() => Pilot, { nullable: true, description: '改革试点 — one pilot by id; null when unknown' })
  pilot(@Arg('id', () => ID) id: string, @Ctx() ctx: SubgraphContext): Promise<Pilot | null> {
    parseInput(uuidRule, id, 'id');
    return entityLoader(ctx, Pilot, 'id').load(id);
  }

  @Query(() => PilotConnection, {
    description:
      '试点列表 — pilots by level, field, stage, lead organisation, leader, region (including below), year approved, clean-up flag',
  })
  pilots(@Args() args: PilotsArgs, @Ctx() ctx: SubgraphContext): Promise<Page<Pilot>> {
    return pagePilots(ctx, args);
  }

  @FieldResolver(() => OrganizationRef, { description: '牵头单位 — the lead organisation' })
  leadOrganization(@Root() pilot: Pilot): OrganizationRef {
    return organizationRef(pilot.leadOrganizationId);
  }

  @FieldResolver(() => [OrganizationRef], { description: '参与单位 — participating organisations' })
  participatingOrganizations(@Root() pilot: Pilot): OrganizationRef[] {
    return pilot.participatingOrganizationIds.map(organizationRef);
  }

  @FieldResolver(() => PersonRef, { description: '责任领导 — the responsible leader' })
  leader(@Root() pilot: Pilot): PersonRef {
    return personRef(pilot.leaderId);
  }

  @FieldResolver(() => [RegionRef], { description: '实施区域 — the regions where it runs' })
  regions(@Root() pilot: Pilot): RegionRef[] {
    return pilot.regionCodes.map((code) => ({ code }));
  }

  @FieldResolver(() => PilotLead, { nullable: true, description: '来源线索 — the pilot lead it came from' })
  lead(@Root() pilot: Pilot, @Ctx() ctx: SubgraphContext): Promise<PilotLead | null> | null {
    return pilot.leadId ? entityLoader(ctx, PilotLead, 'id').load(pilot.leadId) : null;
  }

  @FieldResolver(() => Boolean, {
    description: '待清理规范 — runs without an approval document (无批复文件), to be put in order',
  })
  flaggedForCleanUp(@Root() pilot: Pilot): boolean {
    return pilot.stage !== PilotStage.PURSUING && !pilot.approvalDocumentNumber;
  }

  @FieldResolver(() => Boolean, { description: '逾期 — past its deadline and not yet accepted' })
  overdue(@Root() pilot: Pilot): boolean {
    const open = pilot.stage === PilotStage.APPROVED || pilot.stage === PilotStage.IN_PROGRESS;
    return open && pilot.deadline < chinaDay();
  }

  @FieldResolver(() => [Evaluation], { description: '第三方评估 — its evaluations, oldest first' })
  evaluations(@Root() pilot: Pilot, @Ctx() ctx: SubgraphContext): Promise<Evaluation[]> {
    return entityGroupLoader(ctx, Evaluation, 'pilotId', { evaluatedOn: 'asc', id: 'asc' }).load(pilot.id);
  }

  @FieldResolver(() => [PromotionRecord], { description: '推广记录 — how its practice spread, oldest first' })
  promotions(@Root() pilot: Pilot, @Ctx() ctx: SubgraphContext): Promise<PromotionRecord[]> {
    return entityGroupLoader(ctx, PromotionRecord, 'pilotId', { happenedOn: 'asc', id: 'asc' }).load(
      pilot.id,
    );
  }

  @FieldResolver(() => LedgerEntryConnection, {
    description: '工作台账 — its monthly ledger entries, by month',
  })
  ledger(
    @Root() pilot: Pilot,
    @Args() args: PageArgs,
    @Ctx() ctx: SubgraphContext,
  ): Promise<Page<LedgerEntry>> {
    const filter = { sql: 'e.pilot_id = ?', params: [pilot.id] };
    return pageRows(ctx, LedgerEntry, 'e', filter, args, 'month', 'id');
  }

  @FieldResolver(() => [String], {
    description:
      '缺报月份 — months (YYYY-MM) of `year` since work started, up to last month, with no ledger entry; empty unless in progress',
  })
  missingLedgerMonths(
    @Root() pilot: Pilot,
    @Arg('year', () => Int, { nullable: true, description: 'Default: the current year' })
    year: number | undefined,
    @Ctx() ctx: SubgraphContext,
  ): Promise<string[]> {
    const ledgerYear = year ?? chinaYear();
    parseInput(pilotYearRule, ledgerYear, 'year');
    return missingLedgerMonths(ctx, ledgerYear).load(pilot.id);
  }
}
