import type { DemoCity } from '@county/demo-data';
import { creditCodeCheckChar } from '@county/domain';
import { workingCalendar } from '../calendar/working-days';
import { DEFAULT_TARGET_DAYS, ProjectKind, ProjectStage } from '../project/project-vocabulary';
import { demoCatalogue, demoId, type DemoItem } from './catalogue';
import type { DemoCentre } from './centres';
import { preReformProjects } from './pre-reform-projects';
import { seededRandom } from './random';

/**
 * The demo county's investment projects of 2019, carried through approval by the county centre's proxy
 * agents (代办员): report 000 (every major project involved early, 100 %), report 004 ("2440": an
 * industrial construction permit within 40 working days; a permit that took 3 months, up to 11, now takes
 * 19 days at one window).
 */
export const DEMO_PROJECTS: Record<ProjectKind, number> = {
  INDUSTRIAL: 20,
  REAL_ESTATE: 8,
  INFRASTRUCTURE: 8,
  SERVICES: 8,
  AGRICULTURAL: 4,
};
/** Projects still before their first application at the end of 2019 (提前介入 under way). */
export const PRE_APPLICATION_PROJECTS = 4;
/** The first industrial project: its permit 19 calendar days after the first submission (report 004). */
export const FLAGSHIP_CALENDAR_DAYS = 19;
export const FLAGSHIP_FIRST_SUBMISSION = '2019-03-13';

/** Approval steps by kind: stages of items (base names of the catalogue), each stage's items in parallel (并联). */
const STAGES: Record<ProjectKind, string[][]> = {
  INDUSTRIAL: [['企业投资项目备案'], ['建设用地规划许可', '人防工程建设审批'], ['建筑工程施工许可']],
  REAL_ESTATE: [
    ['企业投资项目备案'],
    ['建设用地规划许可', '人防工程建设审批'],
    ['建筑工程施工许可'],
    ['商品房预售许可'],
  ],
  INFRASTRUCTURE: [
    ['企业投资项目核准'],
    ['建设用地规划许可', '河道管理范围内建设项目审批'],
    ['建筑工程施工许可'],
  ],
  SERVICES: [['企业投资项目备案'], ['建设用地规划许可'], ['建筑工程施工许可', '公共场所卫生许可']],
  AGRICULTURAL: [['企业投资项目备案'], ['乡村建设规划许可', '取水许可']],
};

export type DemoProject = {
  id: string;
  code: string;
  name: string;
  region_code: string;
  enterprise_name: string;
  enterprise_credit_code: string;
  kind: ProjectKind;
  investment: number;
  major: boolean;
  registered_on: string;
  early_involvement_on: string | null;
  proxy_agent_id: string | null;
  target_days: number | null;
  stage: ProjectStage;
  first_submitted_on: string | null;
  approved_on: string | null;
  total_working_days: number | null;
  on_time: boolean | null;
  calendar_provisional: boolean;
};

export type DemoStep = {
  id: string;
  project_id: string;
  item_id: string;
  /** Its service case, given by `giveStepsCases` once the demo's cases are in. */
  case_id: string | null;
  item_version: number;
  organization_id: string;
  submitted_on: string;
  approved_on: string;
  limit_days: number;
  due_on: string;
  working_days: number;
  on_time: boolean;
};

const ALPHABET = '0123456789';
const creditCode = (county: string, random: () => number) => {
  const first17 = `91${county}${Array.from({ length: 9 }, () => ALPHABET[Math.floor(random() * 10)]).join('')}`;
  return first17 + creditCodeCheckChar(first17);
};

/** The working day on or after `day`. */
const workingDayFrom = (day: string) =>
  workingCalendar.isWorkingDay(day) ? day : workingCalendar.addWorkingDays(day, 1);
const plusDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** A county's projects and their steps, deterministic; every step approved before the end of 2019. */
export function demoProjects(
  city: DemoCity,
  county: string,
  countyCentre: DemoCentre | undefined,
): { projects: DemoProject[]; steps: DemoStep[] } {
  const random = seededRandom(`gov-services|projects|${county}`);
  const items = new Map<string, DemoItem>();
  for (const item of demoCatalogue(county)) if (!items.has(item.name)) items.set(item.name, item);
  const sites = city.regions.filter(
    (r) => r.level !== 'COUNTY' && r.level !== 'CITY' && r.code.startsWith(county),
  );
  const agents = countyCentre?.agents ?? [];
  const projects: DemoProject[] = [];
  const steps: DemoStep[] = [];
  let n = 0;
  for (const kind of Object.values(ProjectKind)) {
    for (let k = 0; k < DEMO_PROJECTS[kind]; k++, n++) {
      const flagship = kind === ProjectKind.INDUSTRIAL && k === 0;
      const pre = kind !== ProjectKind.INDUSTRIAL && k >= DEMO_PROJECTS[kind] - 1;
      const major = k % 3 === 0;
      const id = demoId(`project:${county}:${n}`);
      const first = flagship
        ? FLAGSHIP_FIRST_SUBMISSION
        : workingDayFrom(plusDays('2019-02-18', pre ? 290 : Math.floor(random() * 230)));
      const early = major || random() < 0.5 ? plusDays(first, -(20 + Math.floor(random() * 40))) : null;
      const project: DemoProject = {
        id,
        code: `2019-${county}-${String(n + 1).padStart(3, '0')}`,
        name: `${['智能装备', '新材料', '商住', '道路', '物流', '农旅'][n % 6]}项目（${n + 1}号）`,
        region_code: sites[Math.floor(random() * sites.length)].code,
        enterprise_name: `${['东岳', '华瑞', '长龄', '恒远', '金禾'][n % 5]}${['实业', '置业', '建设', '物贸', '农业'][n % 5]}有限公司`,
        enterprise_credit_code: creditCode(county, random),
        kind,
        investment: major ? 100_000 + Math.floor(random() * 200_000) : 2_000 + Math.floor(random() * 60_000),
        major,
        registered_on: early ?? first,
        early_involvement_on: early,
        proxy_agent_id: agents.length ? agents[n % agents.length] : null,
        target_days: DEFAULT_TARGET_DAYS[kind] ?? null,
        stage: pre ? ProjectStage.PRE_APPLICATION : ProjectStage.APPROVED,
        first_submitted_on: null,
        approved_on: null,
        total_working_days: null,
        on_time: null,
        calendar_provisional: false,
      };
      projects.push(project);
      if (pre) continue;
      let day = first;
      STAGES[kind].forEach((stage, s) => {
        let next = day;
        for (const base of stage) {
          const item = items.get(base)!;
          // the flagship's steps take a fixed course: 19 calendar days from first submission to permit
          const days = flagship
            ? [2, 6, 5][s]
            : s === 0
              ? 1 + Math.floor(random() * 2)
              : 3 + Math.floor(random() * 9);
          // a late real-estate presale permit now and then (report 004's "before": months)
          const late = kind === ProjectKind.REAL_ESTATE && base === '商品房预售许可' && k % 4 === 1;
          const taken = late ? item.statutory_limit + 5 : Math.min(days, Math.max(item.statutory_limit, 1));
          const approved = workingCalendar.addWorkingDays(day, taken);
          const workingDays = workingCalendar.between(day, approved);
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
            due_on:
              item.statutory_limit > 0 ? workingCalendar.addWorkingDays(day, item.statutory_limit) : day,
            working_days: workingDays,
            on_time: workingDays <= item.statutory_limit,
          });
          if (approved > next) next = approved;
        }
        day = next;
      });
      const own = steps.filter((step) => step.project_id === id);
      Object.assign(project, {
        first_submitted_on: first,
        approved_on: day,
        total_working_days: workingCalendar.between(first, day),
        on_time: own.every((step) => step.on_time),
        calendar_provisional: workingCalendar.touchesProvisional(first, day),
      });
      if (flagship && plusDays(first, FLAGSHIP_CALENDAR_DAYS) !== day)
        throw new Error(`the flagship project took until ${day}, not ${FLAGSHIP_CALENDAR_DAYS} days`);
    }
  }
  // report 004's "before": the same permits, 2017, months long
  const before = preReformProjects(
    county,
    sites.map((site) => site.code),
    items,
  );
  return { projects: [...projects, ...before.projects], steps: [...steps, ...before.steps] };
}
