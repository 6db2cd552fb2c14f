import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import { LockMode } from '@mikro-orm/core';
import {
  assertPerformAction,
  assertSignedIn,
  badInput,
  findForUpdate,
  notFound,
  parseInput,
  requireExisting,
} from '@county/kit';
import type { SubgraphContext } from '@county/kit';
import { uuidRule } from '@county/domain';
import { chinaDay, workingCalendar } from '../calendar/working-days';
import { ServiceCentre } from '../centre/centre.entity';
import { ServiceItem } from '../item/item.entity';
import { ServiceItemVersion } from '../item/item-version.entity';
import { versionInEffect } from '../item/item-versions';
import { permissions } from '../permissions';
import { bookRollups } from '../rollup/book';
import { clearStatsCache } from '../stats/stats-cache';
import { CaseChannel, CaseEventKind, CaseStatus } from '../vocabulary';
import { CaseEvent } from './case-event.entity';
import { ServiceCase } from './case.entity';
import { CaseEventInput, RegisterCaseInput } from './case.args';
import { caseEventRule, registerCaseRule } from './case.rules';
import { applyEvent, checkEvent } from './case-events';
import { requireNotFuture } from './case-limits';
import { CaseRating } from './rating.entity';
import { CaseSuspension } from './suspension.entity';

@Resolver(() => ServiceCase)
export class CaseMutations {
  @Mutation(() => ServiceCase, { description: "收件登记 — register a received case; the centre's own staff" })
  async registerCase(
    @Arg('input') input: RegisterCaseInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<ServiceCase> {
    assertSignedIn(ctx);
    const data = parseInput(registerCaseRule, input, 'input');
    const day = chinaDay(data.receivedAt);
    workingCalendar.require(day, 'input.receivedAt');
    requireNotFuture(data.receivedAt, 'input.receivedAt');
    const centre = await requireExisting(ctx, ServiceCentre, 'id', data.centreId, 'input.centreId');
    assertPerformAction(ctx, permissions, 'case.write', centre);
    const item = await requireExisting(ctx, ServiceItem, 'id', data.itemId, 'input.itemId');
    const version = await versionInEffect(ctx.em, item, day);
    const county = centre.regionCode.slice(0, 6);
    if (item.regionCode !== county && !version.crossRegionPartners.includes(county))
      throw badInput('input.itemId', 'catalogue', "the item is not in the catalogue of the centre's county");
    if (!version.levels.includes(centre.level))
      throw badInput('input.itemId', 'level', `the item cannot be handled at a ${centre.level} centre`);
    if (data.channel === CaseChannel.ONLINE && !version.onlineCapable)
      throw badInput('input.channel', 'online', 'the item cannot be handled online');
    if (data.proxyAgentId)
      await ctx.directory.requireExisting('input.proxyAgentId', 'Person', [data.proxyAgentId]);

    const registered = await ctx.em.transactional(async (em) => {
      const serviceCase = em.create(ServiceCase, {
        id: crypto.randomUUID(),
        itemId: item.id,
        itemVersionNumber: version.version,
        centreId: centre.id,
        regionCode: centre.regionCode,
        level: centre.level,
        channel: data.channel,
        proxyAgentId: data.proxyAgentId ?? null,
        applicantKind: data.applicantKind,
        status: CaseStatus.RECEIVED,
        extensionDays: 0,
        receivedAt: data.receivedAt,
        acceptedAt: null,
        completedAt: null,
        workingDays: null,
        onTime: null,
        visits: null,
        result: null,
      });
      em.create(CaseEvent, {
        caseId: serviceCase.id,
        kind: CaseEventKind.RECEIVED,
        occurredAt: data.receivedAt,
        recordedBy: ctx.identity.subject!,
        note: null,
        recordedAt: new Date(),
      });
      await em.flush();
      await bookRollups(em, {
        regionCode: centre.regionCode,
        level: centre.level,
        channel: data.channel,
        itemId: item.id,
        centreId: centre.id,
        day,
        counters: { received: 1 },
      });
      return serviceCase;
    });
    clearStatsCache();
    return registered;
  }

  @Mutation(() => CaseEvent, {
    description:
      "办件环节 — append an event (correction, acceptance, suspension, completion, rating …); the centre's own staff",
  })
  async recordCaseEvent(
    @Arg('caseId', () => ID) caseId: string,
    @Arg('input') input: CaseEventInput,
    @Ctx() ctx: SubgraphContext,
  ): Promise<CaseEvent> {
    assertSignedIn(ctx);
    parseInput(uuidRule, caseId, 'caseId');
    const data = parseInput(caseEventRule, input, 'input');
    const event = await ctx.em.transactional(async (em) => {
      // the row lock serialises events of one case: two ratings at once cannot both pass the checks
      const serviceCase = await em.findOne(
        ServiceCase,
        { id: caseId },
        { lockMode: LockMode.PESSIMISTIC_WRITE },
      );
      if (!serviceCase) throw notFound('caseId', `no case has id ${caseId}`);
      const centre = await findForUpdate({ ...ctx, em }, ServiceCentre, 'id', serviceCase.centreId, 'caseId');
      assertPerformAction(ctx, permissions, 'case.write', centre);
      // one connection inside a transaction: the reads go one after another
      // the item as the case was received: a later version does not move its limits
      const item = await em.findOneOrFail(ServiceItemVersion, {
        itemId: serviceCase.itemId,
        version: serviceCase.itemVersionNumber,
      });
      const suspensions = await em.find(CaseSuspension, { caseId }, { orderBy: { startedOn: 'asc' } });
      const rating = await em.findOne(CaseRating, { caseId });
      const last = await em.findOne(CaseEvent, { caseId }, { orderBy: { occurredAt: 'desc' } });
      const state = {
        serviceCase,
        item,
        suspensions,
        rating,
        lastEventAt: last?.occurredAt ?? serviceCase.receivedAt,
      };
      checkEvent(state, data);
      return applyEvent(em, state, data, ctx.identity.subject!);
    });
    clearStatsCache();
    return event;
  }
}
