import { creditCodeCheckChar } from '@county/domain';
import { workingCalendar } from '../calendar/working-days';
import { DEFAULT_TARGET_DAYS, ProjectKind, ProjectStage } from '../project/project-vocabulary';
import { demoId, type DemoItem } from './catalogue';
import type { DemoProject, DemoStep } from './projects';
import { seededRandom } from './random';

/**
 * Report 004's "before": an industrial construction permit took at least 3 months and up to 11, the
 * enterprise carrying its papers from department to department (往返10多个部门). The demo county's 2017
 * industrial projects, before the single window and proxy service: each step in its limit, one after the
 * other, the months lost between them. Their first submission and the months to their permit:
 */
export const PRE_REFORM_PROJECTS: readonly { first: string; months: number }[] = [
  { first: '2017-03-06', months: 3 },
  { first: '2017-03-20', months: 4 },
  { first: '2017-04-10', months: 5 },
  { first: '2017-05-08', months: 7 },
  { first: '2017-02-08', months: 11 },
];
const SERIAL_STEPS = ['企业投资项目备案', '建设用地规划许可', '人防工程建设审批', '建筑工程施工许可'];

const plusMonths = (day: string, months: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
};
const workingDayFrom = (day: string) =>
  workingCalendar.isWorkingDay(day) ? day : workingCalendar.addWorkingDays(day, 1);

/** The county's pre-reform projects and their serial steps, deterministic; `items` by base name. */
export function preReformProjects(
  county: string,
  sites: readonly string[],
  items: ReadonlyMap<string, DemoItem>,
): { projects: DemoProject[]; steps: DemoStep[] } {
  const random = seededRandom(`gov-services|pre-reform-projects|${county}`);
  const projects: DemoProject[] = [];
  const steps: DemoStep[] = [];
  PRE_REFORM_PROJECTS.forEach(({ first, months }, n) => {
    const id = demoId(`pre-reform-project:${county}:${n}`);
    const last = workingDayFrom(plusMonths(first, months));
    const first17 = `91${county}${String(Math.floor(random() * 1e9)).padStart(9, '0')}`;
    const chosen = SERIAL_STEPS.map((name) => items.get(name)!);
    const durations = chosen.map((item) => Math.max(1, Math.min(item.statutory_limit, 10)));
    // the working days between the steps: what the enterprise spent going from one department to the next
    const waiting = workingCalendar.between(first, last) - durations.reduce((a, b) => a + b, 0);
    let day = first;
    chosen.forEach((item, s) => {
      const approved = workingCalendar.addWorkingDays(day, durations[s]);
      steps.push({
        id: demoId(`project-step:${id}:${item.id}`),
        project_id: id,
        item_id: item.id,
        case_id: null,
        item_version: 1,
        organization_id: item.responsible_organization_id,
        submitted_on: day,
        approved_on: approved,
        limit_days: item.statutory_limit,
        due_on: workingCalendar.addWorkingDays(day, Math.max(item.statutory_limit, 1)),
        working_days: durations[s],
        on_time: durations[s] <= item.statutory_limit,
      });
      const gaps = chosen.length - 1;
      const gap = s < gaps ? Math.floor(waiting / gaps) + (s === gaps - 1 ? waiting % gaps : 0) : 0;
      day = gap ? workingCalendar.addWorkingDays(approved, gap) : approved;
    });
    if (day !== last) throw new Error(`pre-reform project ${n} ends on ${day}, not ${last}`);
    projects.push({
      id,
      code: `2017-${county}-${String(n + 1).padStart(3, '0')}`,
      name: `工业厂房项目（改革前${n + 1}号）`,
      region_code: sites[Math.floor(random() * sites.length)],
      enterprise_name: `${['东岳', '华瑞', '长龄', '恒远', '金禾'][n % 5]}机械有限公司`,
      enterprise_credit_code: first17 + creditCodeCheckChar(first17),
      kind: ProjectKind.INDUSTRIAL,
      investment: 5_000 + Math.floor(random() * 50_000),
      major: false,
      registered_on: first,
      early_involvement_on: null,
      proxy_agent_id: null,
      target_days: DEFAULT_TARGET_DAYS[ProjectKind.INDUSTRIAL] ?? null,
      stage: ProjectStage.APPROVED,
      first_submitted_on: first,
      approved_on: last,
      total_working_days: workingCalendar.between(first, last),
      on_time: true,
      calendar_provisional: workingCalendar.touchesProvisional(first, last),
    });
  });
  return { projects, steps };
}
