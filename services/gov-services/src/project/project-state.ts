import type { SubgraphContext } from '@county/kit';
import { badInput } from '@county/kit';
import { addDays } from '../calendar/days';
import { workingCalendar, type Day, type Interval } from '../calendar/working-days';
import type { ApprovalStep, InvestmentProject } from './project.entity';
import { ProjectStage } from './project-vocabulary';

/** 到期日: the day the limit's last working day falls on (the submission day itself for a limit of 0). */
export const dueDay = (submittedOn: Day, limitDays: number, field: string): Day =>
  limitDays > 0 ? workingCalendar.addWorkingDays(submittedOn, limitDays, field) : submittedOn;

/** Each step's suspensions (特别程序) by step id: its case's, as the case counts them. */
export type StepPauses = ReadonlyMap<string, readonly Interval[]>;

/**
 * Working days after `first` up to `last` on which the project's clock stood still: some step was open and
 * every open step's case was suspended (a day counts for a step as `netWorkingDays` counts it: after the
 * start, up to and including the end).
 */
function stoppedDays(first: Day, last: Day, steps: ApprovalStep[], pauses: StepPauses): number {
  let stopped = 0;
  for (let day = addDays(first, 1); day <= last; day = addDays(day, 1)) {
    if (!workingCalendar.isWorkingDay(day)) continue;
    const open = steps.filter((s) => s.submittedOn < day && day <= (s.approvedOn ?? last));
    const paused = (s: ApprovalStep) => (pauses.get(s.id) ?? []).some((p) => p.from < day && day <= p.to);
    if (open.length > 0 && open.every(paused)) stopped++;
  }
  return stopped;
}

/**
 * The project's stage and totals from its steps, kept on its row with each step written so the statistics
 * are sums in SQL: its total runs in working days from the first submission to the last approval, less the
 * days every open step's case was suspended (as a single case's clock stops).
 */
export function settleProject(
  project: InvestmentProject,
  steps: ApprovalStep[],
  pauses: StepPauses = new Map(),
): void {
  const first = steps.reduce<Day | null>(
    (min, s) => (!min || s.submittedOn < min ? s.submittedOn : min),
    null,
  );
  const done = steps.length > 0 && steps.every((s) => s.approvedOn !== null);
  project.firstSubmittedOn = first;
  project.stage = !first
    ? ProjectStage.PRE_APPLICATION
    : done
      ? ProjectStage.APPROVED
      : ProjectStage.IN_APPROVAL;
  if (!done || !first) {
    Object.assign(project, {
      approvedOn: null,
      totalWorkingDays: null,
      onTime: null,
      calendarProvisional: false,
    });
    return;
  }
  const last = steps.reduce((max, s) => (s.approvedOn! > max ? s.approvedOn! : max), first);
  project.approvedOn = last;
  project.totalWorkingDays = workingCalendar.between(first, last) - stoppedDays(first, last, steps, pauses);
  project.onTime = steps.every((s) => s.onTime);
  project.calendarProvisional = workingCalendar.touchesProvisional(first, last);
}

/** A person the directory knows as a proxy agent (代办员), or bad input on `field`. */
export async function requireProxyAgent(ctx: SubgraphContext, id: string, field: string): Promise<void> {
  const placement = await ctx.directory.personPlacement(id);
  if (!placement) throw badInput(field, 'exists', `no Person with id "${id}" in the directory`);
  if (!placement.roles.includes('PROXY_AGENT'))
    throw badInput(field, 'proxy-agent', 'the person is not a proxy agent (代办员)');
}

/**
 * 关键路径 — the chain of steps the total waited on: from the step approved last back through, each time,
 * the step approved last on or before the one after it was submitted (parallel steps off the chain do not
 * move the total). Empty before every step is approved.
 */
export function criticalPath(steps: ApprovalStep[]): ApprovalStep[] {
  if (!steps.length || steps.some((s) => !s.approvedOn)) return [];
  const latest = (candidates: ApprovalStep[]) =>
    candidates.reduce<ApprovalStep | null>(
      (best, s) => (!best || s.approvedOn! > best.approvedOn! ? s : best),
      null,
    );
  const path: ApprovalStep[] = [];
  for (let step = latest(steps); step;) {
    path.unshift(step);
    const submitted: string = step.submittedOn;
    step = latest(steps.filter((s) => !path.includes(s) && s.approvedOn! <= submitted));
  }
  return path;
}
