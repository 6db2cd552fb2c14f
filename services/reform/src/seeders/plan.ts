import {
  DEMO_COUNTY_CODE,
  demoOrganizationId,
  demoRecordId,
  organizationNaturalKey,
  Random,
  type DemoCity,
} from '@county/demo-data';
import { OrganizationType, PersonRole, RegionLevel } from '@county/domain';
import { isoDate } from '../dates';
import { parsePeriod } from '../report/period';
import { ProblemAccount, ProblemStatus, SupervisionStatus, TaskSource, TaskStatus } from '../vocabulary';
import {
  ASSESSMENT_INDICATORS,
  PROBLEM_COUNTS,
  PROBLEM_TEMPLATES,
  SPECIAL_GROUPS,
  UNFINISHED_SHARE,
  WORK_POINTS_PER_YEAR,
  type GroupEntry,
} from './catalogue';

export type Row = Record<string, unknown>;

export interface DemoLedger {
  special_group: Row[];
  work_point: Row[];
  reform_task: Row[];
  milestone: Row[];
  progress_report: Row[];
  supervision_order: Row[];
  problem: Row[];
  assessment: Row[];
}

const pad = (n: number) => String(n).padStart(2, '0');
const departmentOf = (county: string) => (key: string) =>
  demoOrganizationId(organizationNaturalKey(county, `dept:${key}`));
const department = departmentOf(DEMO_COUNTY_CODE);
/** The default county's villages: another county's yearly work points are the default's, scaled by its villages. */
const DEMO_VILLAGES = 346;
/** At least this many work points a year in a small county, so each year has lagging and finished tasks. */
const MIN_WORK_POINTS = 6;

interface TaskPlan {
  row: Row;
  group: GroupEntry;
  /** Month (1–12) of the planned start and end. */
  startMonth: number;
  endMonth: number;
  /** Null: finished on schedule; otherwise the percent it stalled at. */
  stalledAt: number | null;
}

/**
 * The demo county's reform ledger 2017–2020: 200 work points broken into 220+ tasks (a plan with its tasks
 * each year, as in "1+29"), monthly reports (quarterly ones too for leader-linked key tasks), supervision
 * orders to the lagging, the three problem accounts and the yearly assessment.
 *
 * With `countyCode` another county's (a county of the province's further cities): its tasks, schedules,
 * reports, orders and assessments, as many a year as the default county's scaled by its villages, from its
 * own random stream, coded `<county>-<year>-<nn>-<k>`. The special groups, the work points (one list a year)
 * and the problem accounts (numbered per account) are the default county's alone: its tasks have no work
 * point and stand under the same special groups.
 */
export function planDemoLedger(city: DemoCity, countyCode: string = DEMO_COUNTY_CODE): DemoLedger {
  const own = countyCode === DEMO_COUNTY_CODE;
  const random = new Random(own ? 'reform-demo-2017-2020' : `reform-demo-2017-2020|${countyCode}`);
  const county = city.regions.find((r) => r.code === countyCode)!;
  const scale =
    city.regions.filter((r) => r.level === RegionLevel.VILLAGE && r.code.startsWith(countyCode)).length /
    DEMO_VILLAGES;
  // by a map, not a search per person: a province plans a ledger for each of its many counties
  const regionOf = new Map(city.organizations.map((o) => [o.id, o.regionCode]));
  const leaders = city.people.filter(
    (p) => p.roles.includes(PersonRole.COUNTY_LEADER) && regionOf.get(p.organizationId) === county.code,
  );
  const townships = city.organizations.filter(
    (o) => o.type === OrganizationType.TOWNSHIP_GOVERNMENT && o.regionCode.startsWith(county.code),
  );
  const ledger: DemoLedger = {
    special_group: [],
    work_point: [],
    reform_task: [],
    milestone: [],
    progress_report: [],
    supervision_order: [],
    problem: [],
    assessment: [],
  };

  if (own)
    SPECIAL_GROUPS.forEach((group, i) => {
      ledger.special_group.push({
        id: demoRecordId(`reform:group:${group.key}`),
        key: group.key,
        name: group.name,
        position: i + 1,
        leader_id: leaders[i % leaders.length]?.id ?? null,
        member_organization_ids: group.departments.map(department),
      });
    });

  const tasks: TaskPlan[] = [];
  for (const [yearText, defaultPoints] of Object.entries(WORK_POINTS_PER_YEAR)) {
    const year = Number(yearText);
    const points = own ? defaultPoints : Math.max(MIN_WORK_POINTS, Math.round(defaultPoints * scale));
    for (let number = 1; number <= points; number++) {
      const group = SPECIAL_GROUPS[(number - 1) % SPECIAL_GROUPS.length];
      const title = group.tasks[Math.floor((number - 1) / SPECIAL_GROUPS.length + year) % group.tasks.length];
      const pointId = own ? demoRecordId(`reform:work-point:${year}-${number}`) : null;
      if (pointId)
        ledger.work_point.push({
          id: pointId,
          year,
          number,
          title: `深化${title}`,
          special_group_id: demoRecordId(`reform:group:${group.key}`),
        });
      const code = own ? `${year}-${pad(number)}` : `${countyCode}-${year}-${pad(number)}`;
      const task = (taskCode: string, taskTitle: string, parent: TaskPlan | null) =>
        planTask(random, year, taskCode, taskTitle, group, pointId, parent, townships, countyCode);
      if (number === 1) {
        // the year's "1+N" plan: a plan task with four concrete tasks under it
        const plan = task(code, `${title}实施方案`, null);
        tasks.push(plan);
        for (let k = 1; k <= 4; k++) tasks.push(task(`${code}-${k}`, `${title}：第${k}项具体任务`, plan));
        continue;
      }
      const split = random.chance(0.12) ? 2 : 1;
      for (let k = 1; k <= split; k++) {
        const suffix = split > 1 ? `（${k === 1 ? '制度设计' : '推广落实'}）` : '';
        tasks.push(task(`${code}-${k}`, title + suffix, null));
      }
    }
  }

  for (const task of tasks) {
    if (task.row.key_task) task.row.leader_id = random.pick(leaders).id;
  }
  for (const task of tasks.filter((t) => !tasks.some((c) => c.row.parent_id === t.row.id))) {
    scheduleAndReports(random, task, ledger);
  }
  for (const plan of tasks.filter((t) => tasks.some((c) => c.row.parent_id === t.row.id))) {
    const children = tasks.filter((c) => c.row.parent_id === plan.row.id);
    const done = children.every((c) => c.stalledAt === null);
    plan.row.status = done ? TaskStatus.COMPLETED : TaskStatus.IN_PROGRESS;
  }
  ledger.reform_task = tasks.map((t) => t.row);

  if (own)
    planProblems(
      random,
      ledger,
      leaders.map((l) => l.id),
      townships,
      tasks,
    );
  planAssessments(random, ledger, tasks, city);
  return ledger;
}

function planTask(
  random: Random,
  year: number,
  code: string,
  title: string,
  group: GroupEntry,
  workPointId: string | null,
  parent: TaskPlan | null,
  townships: DemoCity['organizations'],
  countyCode: string,
): TaskPlan {
  const department = departmentOf(countyCode);
  const township = parent === null && random.chance(0.12) ? random.pick(townships) : null;
  const lead = township ? township.id : department(random.pick(group.departments));
  const cooperating = [...new Set(group.departments.map(department))]
    .filter((id) => id !== lead && random.chance(0.4))
    .slice(0, 3);
  const startMonth = parent ? parent.startMonth : random.int(1, 4);
  const endMonth = parent ? parent.endMonth : random.int(Math.max(startMonth + 5, 9), 12);
  const stalledAt = random.chance(UNFINISHED_SHARE[year]) ? 5 * random.int(2, 15) : null;
  const row: Row = {
    id: demoRecordId(`reform:task:${code}`),
    code,
    title,
    year,
    work_point_id: workPointId,
    parent_id: parent ? parent.row.id : null,
    special_group_id: demoRecordId(`reform:group:${group.key}`),
    source: random.chance(0.55) ? TaskSource.ASSIGNED : TaskSource.OWN_INITIATIVE,
    goal: `${year}年底前${title}取得阶段性成果，形成可复制推广的经验`,
    lead_organization_id: lead,
    cooperating_organization_ids: cooperating,
    region_code: township ? township.regionCode : countyCode,
    leader_id: null,
    key_task: parent === null && random.chance(0.22),
    planned_start: isoDate(year, startMonth, 1),
    planned_end: isoDate(year, endMonth + 1, 0),
    status: TaskStatus.NOT_STARTED,
    weight: 1,
    version: 1,
  };
  return { row, group, startMonth, endMonth, stalledAt };
}

const SHARES: Record<number, number[]> = { 3: [30, 40, 30], 4: [20, 30, 30, 20] };

function scheduleAndReports(random: Random, task: TaskPlan, ledger: DemoLedger): void {
  const { row, startMonth, endMonth, stalledAt } = task;
  const year = Number(row.year);
  const id = String(row.id);
  const count = endMonth - startMonth >= 8 ? 4 : 3;
  const shares = SHARES[count];
  const span = endMonth - startMonth + 1;
  let cumulative = 0;
  const milestones = shares.map((share, i) => {
    const month = startMonth + Math.round(((i + 1) * span) / count) - 1;
    cumulative += share;
    return { share, month, cumulative, date: isoDate(year, month + 1, 0) };
  });
  const finished = stalledAt === null;
  milestones.forEach((m, i) => {
    const done = finished || m.cumulative <= (stalledAt ?? 0);
    ledger.milestone.push({
      id: demoRecordId(`reform:milestone:${row.code}:${i + 1}`),
      task_id: id,
      title: ['制定实施方案', '组织推进落实', '总结评估', '巩固提升、总结推广'][i] ?? `第${i + 1}阶段`,
      planned_date: m.date,
      share: m.share,
      completed_on: done
        ? isoDate(year, m.month + 1, finished ? random.int(-6, 2) : random.int(-3, 20))
        : null,
    });
  });

  // monthly reports until done (or the stall); the percent climbs to 100 (or stops short)
  const lastMonth = finished
    ? endMonth
    : startMonth + Math.max(1, Math.floor((span * (stalledAt ?? 0)) / 100));
  const notStarted = !finished && random.chance(0.15);
  const reportsUntil = notStarted ? startMonth - 1 : Math.min(lastMonth, 12);
  let percent = 0;
  for (let month = startMonth; month <= reportsUntil; month++) {
    const target = finished
      ? Math.round((100 * (month - startMonth + 1)) / span / 5) * 5
      : Math.min(stalledAt ?? 0, Math.round((100 * (month - startMonth + 1)) / span / 5) * 5);
    percent = month === endMonth && finished ? 100 : Math.max(percent, Math.min(target, 95));
    ledger.progress_report.push(report(random, id, `${year}-${pad(month)}`, percent));
    if (row.key_task && month % 3 === 0) {
      ledger.progress_report.push(report(random, id, `${year}-Q${month / 3}`, percent));
    }
  }
  row.status = finished
    ? random.chance(year < 2020 ? 0.85 : 0.5)
      ? TaskStatus.CLOSED
      : TaskStatus.COMPLETED
    : percent > 0
      ? TaskStatus.IN_PROGRESS
      : TaskStatus.NOT_STARTED;

  // 督办单: most stalled tasks got one; a few finished tasks were lagging once and rectified
  const overdue = milestones.find((m) => !finished && m.cumulative > (stalledAt ?? 0));
  if (overdue && random.chance(0.8)) {
    const status = random.pick([
      SupervisionStatus.OPEN,
      SupervisionStatus.ANSWERED,
      SupervisionStatus.ANSWERED,
    ]);
    ledger.supervision_order.push(order(random, id, year, overdue.month + 1, status, row.code));
  } else if (finished && random.chance(0.08)) {
    ledger.supervision_order.push(
      order(random, id, year, startMonth + 2, SupervisionStatus.RECTIFIED, row.code),
    );
  }
}

function report(random: Random, taskId: string, period: string, percent: number): Row {
  const { kind, end, due } = parsePeriod(period)!;
  // about one report in twelve comes in after its due date
  const submittedAt = random.chance(0.08)
    ? new Date(Date.parse(`${due}T09:30:00+08:00`) + 3 * 86400000).toISOString()
    : `${end}T16:00:00+08:00`;
  return {
    id: demoRecordId(`reform:report:${taskId}:${period}`),
    task_id: taskId,
    period,
    period_kind: kind,
    period_end: end,
    due_date: due,
    percent,
    done: percent >= 100 ? '各项改革任务全面完成，形成制度成果' : `按序时进度推进，累计完成${percent}%`,
    problems: percent >= 100 ? '' : '部门协同仍需加强',
    next_steps: percent >= 100 ? '总结经验，申请验收销号' : '对照节点，加快推进',
    regression_reason: null,
    reporter: '改革联络员',
    submitted_at: submittedAt,
  };
}

function order(
  random: Random,
  taskId: string,
  year: number,
  month: number,
  status: SupervisionStatus,
  code: unknown,
): Row {
  const issuedOn = isoDate(year, month, random.int(5, 20));
  const answered = status !== SupervisionStatus.OPEN;
  return {
    id: demoRecordId(`reform:order:${String(code)}`),
    task_id: taskId,
    issued_on: issuedOn,
    reason: '改革项目明显滞后于序时进度，节点任务未按期完成',
    deadline: isoDate(year, month + 1, 28),
    cause_analysis: answered ? '牵头单位与配合单位衔接不畅，关键环节政策未落地' : null,
    measures: answered ? '建立周调度机制，主要负责人牵头协调，限期补齐节点任务' : null,
    status,
    rectified_on:
      status === SupervisionStatus.RECTIFIED ? isoDate(year, month + 1, random.int(10, 25)) : null,
  };
}

function planProblems(
  random: Random,
  ledger: DemoLedger,
  leaderIds: string[],
  townships: DemoCity['organizations'],
  tasks: TaskPlan[],
): void {
  const departments = [...new Set(SPECIAL_GROUPS.flatMap((g) => g.departments))].map(department);
  for (const account of Object.values(ProblemAccount)) {
    for (let number = 1; number <= PROBLEM_COUNTS[account]; number++) {
      const township = account === ProblemAccount.TOWNSHIP ? random.pick(townships) : null;
      const linked = random.chance(0.5) ? [String(random.pick(tasks).row.id)] : [];
      const r = random.next();
      // drawn in the order they always were, so the demo's other rows stay as they are
      const description = random.pick(PROBLEM_TEMPLATES);
      const foundByPerson = account === ProblemAccount.LEADER ? random.pick(leaderIds) : null;
      const foundByOrganization =
        account === ProblemAccount.DEPARTMENT ? random.pick(departments) : (township?.id ?? null);
      const [year, month, day] = [random.pick([2019, 2020]), random.int(1, 12), random.int(1, 28)];
      const status =
        r < 0.6 ? ProblemStatus.RESOLVED : r < 0.85 ? ProblemStatus.IN_PROGRESS : ProblemStatus.OPEN;
      ledger.problem.push({
        id: demoRecordId(`reform:problem:${account}:${number}`),
        account,
        number,
        description,
        found_by_person_id: foundByPerson,
        found_by_organization_id: foundByOrganization,
        region_code: township ? township.regionCode : DEMO_COUNTY_CODE,
        found_on: isoDate(year, month, day),
        // 整改时限: three months to resolve; resolved ones were closed within two
        deadline: isoDate(year, month + 3, day),
        resolved_on: status === ProblemStatus.RESOLVED ? isoDate(year, month + 2, day) : null,
        status,
        task_ids: linked,
      });
    }
  }
}

function planAssessments(random: Random, ledger: DemoLedger, tasks: TaskPlan[], city: DemoCity): void {
  const regionOf = new Map(city.organizations.map((o) => [o.id, o.regionCode]));
  for (const year of Object.keys(WORK_POINTS_PER_YEAR).map(Number)) {
    const leads = [
      ...new Set(tasks.filter((t) => t.row.year === year).map((t) => String(t.row.lead_organization_id))),
    ];
    for (const organizationId of leads) {
      const mine = tasks.filter((t) => t.row.year === year && t.row.lead_organization_id === organizationId);
      const finishedShare = mine.filter((t) => t.stalledAt === null).length / mine.length;
      const scores = ASSESSMENT_INDICATORS.map(({ indicator, weight }, i) => ({
        indicator,
        weight,
        score: i === 0 ? Math.round(60 + 40 * finishedShare) : random.int(78, 99),
      }));
      const total = Math.round(scores.reduce((sum, s) => sum + (s.weight * s.score) / 100, 0) * 10) / 10;
      ledger.assessment.push({
        id: demoRecordId(`reform:assessment:${organizationId}:${year}`),
        organization_id: organizationId,
        region_code: regionOf.get(organizationId) ?? null,
        year,
        scores,
        total,
      });
    }
  }
}
