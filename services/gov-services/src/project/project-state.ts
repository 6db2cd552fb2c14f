import type { SubgraphContext } from '@county/kit';
import { badInput } from '@county/kit';
import { workingCalendar, type Day } from '../calendar/working-days';
import type { ApprovalStep, InvestmentProject } from './project.entity';
import { ProjectStage } from './project-vocabulary';

/** 到期日: the day the limit's last working day falls on (the submission day itself for a limit of 0). */
export const dueDay = (submittedOn: Day, limitDays: number, field: string): Day =>
  limitDays > 0 ? workingCalendar.addWorkingDays(submittedOn, limitDays, field) : submittedOn;

/**
 * The project's stage and totals from its steps, kept on its row with each step written so the statistics
 * are sums in SQL: its total runs in working days from the first submission to the last approval.
 */
export function settleProject(project: InvestmentProject, steps: ApprovalStep[]): void {
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
  project.totalWorkingDays = workingCalendar.between(first, last);
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
