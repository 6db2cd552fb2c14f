import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { badInput } from '@county/kit';
import { chinaDay, type Day } from '../calendar/working-days';
import { CaseEvent } from '../case/case-event.entity';
import { ServiceCase } from '../case/case.entity';
import { applyEvent, checkEvent, type CaseState } from '../case/case-events';
import { CaseRating } from '../case/rating.entity';
import { CaseSuspension } from '../case/suspension.entity';
import { ServiceItem } from '../item/item.entity';
import { ServiceItemVersion } from '../item/item-version.entity';
import { CaseEventKind, CaseResult, CaseStatus } from '../vocabulary';
import { ApprovalStep, type InvestmentProject } from './project.entity';
import { dueDay, type StepPauses } from './project-state';

/** What a step's submission names besides its case; each, when sent, must agree with the case. */
export interface StepCaseInput {
  caseId: string;
  itemId?: string | null;
  submittedOn?: Day | null;
}

/** The case, locked with the project: two steps cannot take the same case at once. */
async function lockCase(em: EntityManager, id: string, field: string): Promise<ServiceCase> {
  const found = await em.findOne(ServiceCase, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE });
  if (!found) throw badInput(field, 'exists', `no service case has id "${id}"`);
  return found;
}

/**
 * The project's new step from the service case the project window accepted: the case's item and version
 * (its statutory limit), its acceptance as the submission and, for a case already decided, its completion as
 * the approval. Throws bad input on `input.*` before anything is written.
 */
export async function stepFromCase(
  em: EntityManager,
  project: InvestmentProject,
  steps: ApprovalStep[],
  input: StepCaseInput,
): Promise<ApprovalStep> {
  const serviceCase = await lockCase(em, input.caseId, 'input.caseId');
  const county = project.regionCode.slice(0, 6);
  if (!serviceCase.regionCode.startsWith(county))
    throw badInput('input.caseId', 'county', `the case was handled outside the project’s county ${county}`);
  const item = await em.findOneOrFail(ServiceItem, { id: serviceCase.itemId });
  if (item.regionCode !== county)
    throw badInput(
      'input.caseId',
      'catalogue',
      'the case’s item is not in the catalogue of the project’s county',
    );
  if (input.itemId && input.itemId !== serviceCase.itemId)
    throw badInput('input.itemId', 'case-item', `must be the case’s item (${serviceCase.itemId})`);
  if (!serviceCase.acceptedAt)
    throw badInput(
      'input.caseId',
      'accepted',
      'the case is not accepted yet: a step’s clock starts when its case is accepted (受理)',
    );
  if (serviceCase.result && serviceCase.result !== CaseResult.APPROVED)
    throw badInput(
      'input.caseId',
      'approved',
      `the case ended ${serviceCase.result}: a step is a case still open or approved`,
    );
  const submittedOn = chinaDay(serviceCase.acceptedAt);
  if (input.submittedOn && input.submittedOn !== submittedOn)
    throw badInput(
      'input.submittedOn',
      'case-accepted',
      `must be ${submittedOn}, the day the case was accepted`,
    );
  if (submittedOn < project.registeredOn)
    throw badInput(
      'input.caseId',
      'after-registration',
      `the case was accepted on ${submittedOn}, before the project was registered (${project.registeredOn})`,
    );
  if (project.earlyInvolvementOn && submittedOn < project.earlyInvolvementOn)
    throw badInput(
      'input.caseId',
      'after-early-involvement',
      `the case was accepted on ${submittedOn}, before the early involvement (${project.earlyInvolvementOn})`,
    );
  const linked = await em.findOne(ApprovalStep, { caseId: serviceCase.id });
  if (linked)
    throw badInput('input.caseId', 'linked', `the case is already a step of project ${linked.projectId}`);
  if (steps.some((s) => s.itemId === serviceCase.itemId))
    throw badInput('input.caseId', 'unique', 'the project already has a step for the case’s item');
  const version = await em.findOneOrFail(ServiceItemVersion, {
    itemId: serviceCase.itemId,
    version: serviceCase.itemVersionNumber,
  });
  const step = em.create(ApprovalStep, {
    id: crypto.randomUUID(),
    projectId: project.id,
    itemId: serviceCase.itemId,
    caseId: serviceCase.id,
    itemVersion: version.version,
    organizationId: version.responsibleOrganizationId,
    submittedOn,
    limitDays: version.statutoryLimit,
    dueOn: dueDay(submittedOn, version.statutoryLimit, 'input.caseId'),
  });
  if (serviceCase.status === CaseStatus.COMPLETED) takeCompletion(step, serviceCase);
  return step;
}

/** The step approved as its case was completed: the case's day and working days, net of its suspensions. */
function takeCompletion(step: ApprovalStep, serviceCase: ServiceCase): void {
  step.approvedOn = chinaDay(serviceCase.completedAt!);
  step.workingDays = serviceCase.workingDays;
  step.onTime = serviceCase.workingDays! <= step.limitDays;
}

/** The instant a case decided on `day` is completed: now when that is today, else that day's last moment. */
const completionInstant = (day: Day): Date =>
  day === chinaDay() ? new Date() : new Date(`${day}T23:59:59.999+08:00`);

/**
 * 批复: completes the step's case as approved on `approvedOn` through the case's own rules (its working days
 * net of suspensions, its on-time flag, the rollups), or takes the completion of a case already completed
 * on that day; then the step carries the case's figures.
 */
export async function approveStepCase(
  em: EntityManager,
  step: ApprovalStep,
  approvedOn: Day,
  recordedBy: string,
): Promise<void> {
  const serviceCase = await lockCase(em, step.caseId!, 'stepId');
  if (serviceCase.status === CaseStatus.COMPLETED) {
    const completedOn = chinaDay(serviceCase.completedAt!);
    if (serviceCase.result !== CaseResult.APPROVED)
      throw badInput('stepId', 'approved', `the step’s case ended ${serviceCase.result}`);
    if (completedOn !== approvedOn)
      throw badInput(
        'input.approvedOn',
        'case-completed',
        `must be ${completedOn}, when the case was completed`,
      );
    takeCompletion(step, serviceCase);
    return;
  }
  const suspensions = await em.find(
    CaseSuspension,
    { caseId: serviceCase.id },
    { orderBy: { startedOn: 'asc' } },
  );
  const open = suspensions.find((s) => s.endedOn === null);
  if (open)
    throw badInput(
      'stepId',
      'suspended',
      `the step’s case is suspended since ${open.startedOn}: resume it first`,
    );
  const last = await em.findOne(CaseEvent, { caseId: serviceCase.id }, { orderBy: { occurredAt: 'desc' } });
  const lastEventAt = last?.occurredAt ?? serviceCase.receivedAt;
  if (approvedOn < chinaDay(lastEventAt))
    throw badInput(
      'input.approvedOn',
      'order',
      `must be on or after ${chinaDay(lastEventAt)}, the day of the case’s last event`,
    );
  const state: CaseState = {
    serviceCase,
    item: await em.findOneOrFail(ServiceItemVersion, {
      itemId: serviceCase.itemId,
      version: serviceCase.itemVersionNumber,
    }),
    suspensions,
    rating: await em.findOne(CaseRating, { caseId: serviceCase.id }),
    lastEventAt,
  };
  const at = completionInstant(approvedOn);
  const event = {
    kind: CaseEventKind.COMPLETED,
    at,
    result: CaseResult.APPROVED,
    note: '批复(项目审批环节)',
  };
  checkEvent(state, event);
  await applyEvent(em, state, event, recordedBy);
  takeCompletion(step, serviceCase);
}

/** The suspensions of the steps' cases, by step id, in one statement. */
export async function pausesOf(em: EntityManager, steps: ApprovalStep[]): Promise<StepPauses> {
  const byCase = new Map(steps.filter((s) => s.caseId).map((s) => [s.caseId!, s.id]));
  const pauses = new Map<string, { from: Day; to: Day }[]>();
  if (!byCase.size) return pauses;
  for (const s of await em.find(CaseSuspension, { caseId: { $in: [...byCase.keys()] } })) {
    const stepId = byCase.get(s.caseId)!;
    const step = steps.find((t) => t.id === stepId)!;
    const list = pauses.get(stepId) ?? [];
    list.push({ from: s.startedOn, to: s.endedOn ?? step.approvedOn ?? chinaDay() });
    pauses.set(stepId, list);
  }
  return pauses;
}
