import { badInput } from '@county/kit';
import type { EntityManager } from '@mikro-orm/postgresql';
import { chinaDay, netWorkingDays, workingCalendar } from '../calendar/working-days';
import { bookRollups, type RollupDelta } from '../rollup/book';
import type { ServiceItemVersion } from '../item/item-version.entity';
import { CaseChannel, CaseEventKind, CaseStatus, ProcessingKind } from '../vocabulary';
import { CaseEvent } from './case-event.entity';
import type { ServiceCase } from './case.entity';
import type { CaseEventData } from './case.rules';
import { CaseRating } from './rating.entity';
import { CaseSuspension } from './suspension.entity';
import { badReviewRectifyDays } from './follow-up';
import { requireNotFuture, STATUTORY_MAX_EXTENSION_DAYS } from './case-limits';

const FOLLOW_UPS = new Set([CaseEventKind.RATED, CaseEventKind.RETURN_VISITED, CaseEventKind.RECTIFIED]);
const BEFORE_ACCEPTANCE = new Set([CaseStatus.RECEIVED, CaseStatus.CORRECTION_REQUESTED]);

/** Everything an event needs to know about its case, loaded (and locked) before any check. */
export interface CaseState {
  serviceCase: ServiceCase;
  /** The item's version the case was received under. */
  item: ServiceItemVersion;
  suspensions: CaseSuspension[];
  rating: CaseRating | null;
  lastEventAt: Date;
}

const refuse = (field: string, rule: string, message: string) => badInput(field, rule, message);

/** The state an event may move a case from, per kind (follow-ups are checked on the rating). */
const FROM: Partial<Record<CaseEventKind, CaseStatus[]>> = {
  [CaseEventKind.CORRECTION_REQUESTED]: [CaseStatus.RECEIVED, CaseStatus.CORRECTION_REQUESTED],
  [CaseEventKind.ACCEPTED]: [CaseStatus.RECEIVED, CaseStatus.CORRECTION_REQUESTED],
  [CaseEventKind.SUSPENDED]: [CaseStatus.ACCEPTED],
  [CaseEventKind.RESUMED]: [CaseStatus.SUSPENDED],
  [CaseEventKind.EXTENDED]: [CaseStatus.ACCEPTED, CaseStatus.SUSPENDED],
  [CaseEventKind.COMPLETED]: [CaseStatus.ACCEPTED],
};

/**
 * Checks one event against the case, the calendar and the rules of the issue; throws bad input naming the
 * field and rule, before anything is written.
 */
export function checkEvent(state: CaseState, input: CaseEventData): void {
  const { serviceCase: c } = state;
  const day = chinaDay(input.at);
  workingCalendar.require(day, 'input.at');
  if (input.until) workingCalendar.require(chinaDay(input.until), 'input.until');
  // a suspension's end may be ahead (a planned expert review); the event itself has happened
  requireNotFuture(input.at, 'input.at');
  if (c.status === CaseStatus.COMPLETED && !FOLLOW_UPS.has(input.kind))
    throw refuse('caseId', 'closed', 'the case is completed: only its rating and follow-up may be added');
  if (FOLLOW_UPS.has(input.kind) && c.status !== CaseStatus.COMPLETED)
    throw refuse('input.kind', 'state', 'a case is rated only once it is completed');
  if (input.kind === CaseEventKind.COMPLETED && BEFORE_ACCEPTANCE.has(c.status))
    throw refuse('input.at', 'after-acceptance', 'a case cannot be completed before it is accepted');
  const from = FROM[input.kind];
  if (from && !from.includes(c.status))
    throw refuse('input.kind', 'state', `a ${c.status} case cannot take a ${input.kind} event`);
  // a past suspension may be recorded late; every other event follows the ones before it
  if (input.kind !== CaseEventKind.SUSPENDED && input.at < state.lastEventAt)
    throw refuse(
      'input.at',
      'order',
      `is before the case's previous event (${state.lastEventAt.toISOString()})`,
    );

  switch (input.kind) {
    case CaseEventKind.SUSPENDED:
      checkSuspension(state, input);
      break;
    case CaseEventKind.RESUMED: {
      const open = state.suspensions.find((s) => s.endedOn === null)!;
      if (day < open.startedOn) throw refuse('input.at', 'range', 'a suspension cannot end before it starts');
      break;
    }
    case CaseEventKind.EXTENDED:
      checkExtension(state, input.extensionDays!);
      break;
    case CaseEventKind.COMPLETED:
      if (c.acceptedAt && input.at < c.acceptedAt)
        throw refuse('input.at', 'after-acceptance', 'completion cannot come before acceptance');
      break;
    case CaseEventKind.RATED:
      if (state.rating) throw refuse('input.score', 'once', 'the case is already rated');
      break;
    case CaseEventKind.RETURN_VISITED:
    case CaseEventKind.RECTIFIED:
      if (!state.rating || state.rating.score > 2)
        throw refuse('input.kind', 'bad-review', 'follow-up is for a bad review (score 1–2)');
      if (input.kind === CaseEventKind.RECTIFIED && state.rating.rectifiedAt)
        throw refuse('input.kind', 'once', 'the bad review is already rectified');
      break;
    default:
      break;
  }
}

/** 行政许可法 第四十二条: an on-the-spot item is never extended; others up to the item's cap or the law's 10 days. */
function checkExtension(state: CaseState, days: number): void {
  const { serviceCase: c, item } = state;
  if (item.processing === ProcessingKind.ON_THE_SPOT)
    throw refuse(
      'input.kind',
      'on-the-spot',
      'a case of an on-the-spot item (即办件) is decided when accepted: it cannot be extended',
    );
  const own = item.maxExtensionDays ?? null;
  const cap = own ?? STATUTORY_MAX_EXTENSION_DAYS;
  if (c.extensionDays + days > cap)
    throw refuse(
      'input.extensionDays',
      'max-extension',
      `extensions may total at most ${cap} working days (${own === null ? '行政许可法 第四十二条' : "the item's statutory cap"}): ${c.extensionDays} already used, ${Math.max(0, cap - c.extensionDays)} left`,
    );
}

function checkSuspension(state: CaseState, input: CaseEventData): void {
  const start = chinaDay(input.at);
  const end = input.until ? chinaDay(input.until) : null;
  if (end !== null && end < start)
    throw refuse('input.until', 'range', 'a suspension cannot end before it starts');
  if (state.serviceCase.acceptedAt && start < chinaDay(state.serviceCase.acceptedAt))
    throw refuse('input.at', 'after-acceptance', 'a suspension starts after the case is accepted');
  const overlaps = state.suspensions.find(
    (s) => start <= (s.endedOn ?? '9999-12-31') && (end ?? '9999-12-31') >= s.startedOn,
  );
  if (overlaps)
    throw refuse(
      'input.at',
      'overlap',
      `overlaps the suspension ${overlaps.startedOn}–${overlaps.endedOn ?? 'open'}`,
    );
}

const DEFAULT_VISITS: Record<CaseChannel, number> = {
  [CaseChannel.ONLINE]: 0,
  [CaseChannel.PROXY]: 0,
  [CaseChannel.WINDOW]: 1,
};

/**
 * Appends the (already checked) event, updates the case's summary columns and books the rollups: all in
 * the caller's transaction.
 */
export async function applyEvent(
  em: EntityManager,
  state: CaseState,
  input: CaseEventData,
  recordedBy: string,
): Promise<CaseEvent> {
  const { serviceCase: c, item } = state;
  const day = chinaDay(input.at);
  const delta: RollupDelta = {
    regionCode: c.regionCode,
    level: c.level,
    channel: c.channel,
    itemId: c.itemId,
    centreId: c.centreId,
    day,
    counters: {},
  };
  switch (input.kind) {
    case CaseEventKind.CORRECTION_REQUESTED:
      c.status = CaseStatus.CORRECTION_REQUESTED;
      break;
    case CaseEventKind.ACCEPTED:
      c.status = CaseStatus.ACCEPTED;
      c.acceptedAt = input.at;
      break;
    case CaseEventKind.SUSPENDED: {
      const suspension = em.create(CaseSuspension, {
        id: crypto.randomUUID(),
        caseId: c.id,
        reason: input.reason!,
        startedOn: day,
        endedOn: input.until ? chinaDay(input.until) : null,
      });
      state.suspensions.push(suspension);
      if (!input.until) c.status = CaseStatus.SUSPENDED;
      break;
    }
    case CaseEventKind.RESUMED:
      state.suspensions.find((s) => s.endedOn === null)!.endedOn = day;
      c.status = CaseStatus.ACCEPTED;
      break;
    case CaseEventKind.EXTENDED:
      c.extensionDays += input.extensionDays!;
      break;
    case CaseEventKind.COMPLETED: {
      const workingDays = netWorkingDays(
        chinaDay(c.acceptedAt!),
        day,
        state.suspensions.map((s) => ({ from: s.startedOn, to: s.endedOn! })),
        'input.at',
      );
      c.status = CaseStatus.COMPLETED;
      c.completedAt = input.at;
      c.workingDays = workingDays;
      c.onTime = workingDays <= item.committedLimit + c.extensionDays;
      c.calendarProvisional = workingCalendar.touchesProvisional(chinaDay(c.acceptedAt!), day);
      c.visits = input.visits ?? DEFAULT_VISITS[c.channel];
      c.result = input.result!;
      delta.workingDays = workingDays;
      delta.counters = {
        completed: 1,
        on_time: c.onTime ? 1 : 0,
        one_visit: c.visits <= 1 ? 1 : 0,
        target_cases: item.targetDays === null ? 0 : 1,
        target_met: item.targetDays !== null && workingDays <= item.targetDays ? 1 : 0,
      };
      break;
    }
    case CaseEventKind.RATED: {
      const bad = input.score! <= 2;
      const rectifyBy = bad ? workingCalendar.addWorkingDays(day, badReviewRectifyDays(), 'input.at') : null;
      em.create(CaseRating, {
        caseId: c.id,
        score: input.score!,
        ratedAt: input.at,
        rectifyBy,
        rectifyByProvisional: rectifyBy !== null && workingCalendar.touchesProvisional(day, rectifyBy),
        returnVisitAt: null,
        rectifiedAt: null,
      });
      delta.counters = { rated: 1, satisfied: input.score! >= 4 ? 1 : 0, bad: bad ? 1 : 0 };
      break;
    }
    case CaseEventKind.RETURN_VISITED:
      state.rating!.returnVisitAt = input.at;
      break;
    case CaseEventKind.RECTIFIED:
      state.rating!.rectifiedAt = input.at;
      delta.counters = { rectified_on_time: day <= state.rating!.rectifyBy! ? 1 : 0 };
      break;
    default:
      break;
  }
  const event = em.create(CaseEvent, {
    caseId: c.id,
    kind: input.kind,
    occurredAt: input.at,
    recordedBy,
    note: input.note ?? null,
    recordedAt: new Date(),
  });
  await em.flush();
  await bookRollups(em, delta);
  return event;
}
