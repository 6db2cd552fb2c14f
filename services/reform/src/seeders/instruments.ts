import type { MikroORM } from '@mikro-orm/postgresql';
import {
  DEMO_COUNTY_CODE,
  demoOrganizationId,
  demoRecordId,
  generateDemoCity,
  organizationNaturalKey,
  Random,
  type DemoCity,
} from '@county/demo-data';
import { OrganizationType } from '@county/domain';
import { bulkInsert, type DemoSeedOptions } from '@county/kit';
import { isoDate } from '../dates';
import {
  INSTRUMENT_FIGURES as FIGURES,
  INSTRUMENT_YEAR as YEAR,
  LEADS_WON,
  OUTCOME_CRITERIA,
  OUTCOMES,
  REFORM_DOCUMENT_TITLES,
  SCORING_RULES,
} from './instruments.catalogue';
import type { Row } from './plan';

export interface TaskRow {
  id: string;
  code: string;
  status: string;
  lead_organization_id: string;
}

type Instruments = Record<(typeof TABLES)[number], Row[]>;

/** Parents before children (foreign keys). */
const TABLES = [
  'dispatch_round',
  'dispatch_entry',
  'inspection',
  'bulletin',
  'bulletin_mention',
  'outcome_criterion',
  'outcome',
  'outcome_adoption',
  'outcome_replication',
  'reform_document',
  'promotion',
  'scoring_rule',
  'lead_won',
] as const;

const department = (key: string) =>
  demoOrganizationId(organizationNaturalKey(DEMO_COUNTY_CODE, `dept:${key}`));
const pad = (n: number) => String(n).padStart(2, '0');
const id = (key: string) => demoRecordId(`reform:instruments:${key}`);

/** Spreads `total` over 12 monthly records, the remainder on the first months. */
const monthly = (total: number) =>
  Array.from({ length: 12 }, (_, i) => Math.floor(total / 12) + (i < total % 12 ? 1 : 0));

/**
 * The demo county's instruments of one year: the monthly dispatch of 30 key tasks, 9 inspections and 9
 * bulletins, the outcome library with its 8 criteria, documents, promotion, adoption and replication, and
 * the year's bonus rules with the pilots won. `tasks` are the year's top-level tasks, key tasks first.
 */
export function planInstruments(city: DemoCity, tasks: TaskRow[]): Instruments {
  const random = new Random(`reform-instruments-${YEAR}`);
  const rows = Object.fromEntries(TABLES.map((t) => [t, [] as Row[]])) as Instruments;
  const townships = city.organizations.filter(
    (o) => o.type === OrganizationType.TOWNSHIP_GOVERNMENT && o.regionCode.startsWith(DEMO_COUNTY_CODE),
  );
  const regionOf = new Map(city.organizations.map((o) => [o.id, o.regionCode]));

  const keyTasks = tasks.slice(0, FIGURES.keyTasks);
  for (let month = 1; month <= FIGURES.dispatchRounds; month++) {
    const roundId = id(`round:${month}`);
    rows.dispatch_round.push({
      id: roundId,
      month: `${YEAR}-${pad(month)}`,
      year: YEAR,
      region_code: DEMO_COUNTY_CODE,
      status: 'CLOSED',
      summary: `${YEAR}年${month}月省重点督导改革任务调度汇总：按序时推进，对未报送和滞后任务跟踪督办`,
      closed_on: isoDate(YEAR, month + 1, 5),
      version: 2,
    });
    for (const task of keyTasks) {
      // about one task in twenty-five misses a month's report
      const reported = !random.chance(0.04);
      const problem = reported && random.chance(0.3);
      rows.dispatch_entry.push({
        id: id(`entry:${month}:${task.code}`),
        round_id: roundId,
        task_id: task.id,
        reported: reported ? `${task.code}：本月按节点推进，完成阶段性工作` : null,
        reported_on: reported ? isoDate(YEAR, month, random.int(24, 28)) : null,
        problems_raised: problem ? '部门协同不够顺畅，配套政策尚未出台' : null,
        decisions: reported
          ? problem
            ? '由牵头单位召集协调会，限期出台配套政策'
            : '按计划推进'
          : '责成牵头单位说明未报送原因',
        version: reported ? 2 : 1,
      });
    }
  }

  const done = tasks.filter((t) => t.status === 'COMPLETED' || t.status === 'CLOSED');
  const behind = tasks.filter((t) => t.status === 'NOT_STARTED' || t.status === 'IN_PROGRESS');
  const departments = [
    'development-reform',
    'agriculture',
    'housing',
    'civil-affairs',
    'health',
    'education',
    'commerce',
    'water',
    'justice',
  ];
  for (let k = 0; k < FIGURES.inspections; k++) {
    const visited = [townships[(2 * k) % townships.length], townships[(2 * k + 1) % townships.length]];
    const inspectionId = id(`inspection:${k + 1}`);
    const month = k + 2;
    rows.inspection.push({
      id: inspectionId,
      title: `改革试点和重点改革任务专项督查（第${k + 1}次）`,
      inspected_on: isoDate(YEAR, month, 15),
      year: YEAR,
      inspector_organization_ids: [department('reform'), department('party-office')],
      inspectors: '县委改革办、县委办督查室联合督查组',
      region_codes: [...visited.map((t) => t.regionCode), DEMO_COUNTY_CODE],
      inspected_organization_ids: [...visited.map((t) => t.id), department(departments[k])],
      task_ids: [keyTasks[k % keyTasks.length].id],
      findings: '总体按序时推进；个别任务进度滞后，部门协同和配套政策有待加强',
      version: 1,
    });
    const bulletinId = id(`bulletin:${k + 1}`);
    rows.bulletin.push({
      id: bulletinId,
      region_code: DEMO_COUNTY_CODE,
      year: YEAR,
      number: k + 1,
      issued_on: isoDate(YEAR, month, 25),
      title: `改革工作督导通报（${YEAR}年第${k + 1}期）`,
      summary: '通报专项督查情况：表扬推进有力的单位，点名进度滞后的单位并限期整改',
      inspection_id: inspectionId,
      version: 1,
    });
    const good = done[k % done.length];
    const late = behind[k % behind.length];
    rows.bulletin_mention.push(
      mention(bulletinId, 1, 'COMMENDED', good, '改革推进有力，节点任务提前完成'),
      mention(bulletinId, 2, 'LAGGING', late, '改革任务明显滞后于序时进度'),
    );
  }

  OUTCOME_CRITERIA.forEach(([key, name], i) =>
    rows.outcome_criterion.push({ id: id(`criterion:${key}`), year: YEAR, key, name, position: i + 1 }),
  );
  OUTCOMES.forEach((entry, i) => {
    const outcomeId = id(`outcome:${i + 1}`);
    rows.outcome.push({
      id: outcomeId,
      year: YEAR,
      title: entry.title,
      kind: entry.showcase ? 'SHOWCASE' : 'OUTCOME',
      summary: `${entry.title}：形成可复制推广的制度成果`,
      region_code: DEMO_COUNTY_CODE,
      lead_organization_id: department(entry.department),
      task_ids: [tasks[i % tasks.length].id],
      criteria_met: OUTCOME_CRITERIA.slice(0, entry.criteriaMet).map(([key]) => key),
      selected: entry.criteriaMet >= 5,
      judged_on: isoDate(YEAR, 6, 30),
      version: 2,
    });
    entry.adoptions.forEach(([level, by], j) =>
      rows.outcome_adoption.push({
        id: id(`adoption:${i + 1}:${j + 1}`),
        outcome_id: outcomeId,
        level,
        adopted_by: by,
        adopted_on: isoDate(YEAR, 7 + (i % 5), 10),
        year: YEAR,
        note: level === 'CITY' ? '在全市推广' : '吸收采纳',
      }),
    );
    if (entry.replication) {
      const [scope, towns, villages] = entry.replication;
      rows.outcome_replication.push({
        id: id(`replication:${i + 1}`),
        outcome_id: outcomeId,
        scope,
        towns,
        villages,
        recorded_on: isoDate(YEAR, 11, 30),
        year: YEAR,
      });
    }
  });

  for (let n = 1; n <= FIGURES.reformDocuments; n++)
    rows.reform_document.push(
      document(
        `reform:${n}`,
        'REFORM_DOCUMENT',
        REFORM_DOCUMENT_TITLES[n - 1] ?? `改革实施方案（第${n}号）`,
        n,
        null,
        tasks,
      ),
    );
  for (let n = 1; n <= FIGURES.implementingDocuments; n++) {
    const outcome = n % 20 === 0 ? rows.outcome[(n / 20) % rows.outcome.length].id : null;
    rows.reform_document.push(
      document(
        `implementing:${n}`,
        'IMPLEMENTING_DOCUMENT',
        `改革试点配套办法（第${n}号）`,
        n,
        outcome as string | null,
        tasks,
      ),
    );
  }

  for (let n = 1; n <= FIGURES.briefings; n++)
    rows.promotion.push(
      promotion(
        `briefing:${n}`,
        'BRIEFING',
        `《改革专报》第${n}期`,
        '县委改革办',
        1,
        isoDate(YEAR, n + 2, 20),
      ),
    );
  for (let n = 1; n <= FIGURES.meetings; n++)
    rows.promotion.push(
      promotion(
        `meeting:${n}`,
        'MEETING',
        `改革经验推广推介会（第${n}次）`,
        '新闻媒体',
        1,
        isoDate(YEAR, 1 + ((n - 1) % 12), 8 + Math.floor((n - 1) / 12)),
      ),
    );
  monthly(FIGURES.articles).forEach((count, m) =>
    rows.promotion.push(
      promotion(
        `articles:${m + 1}`,
        'ARTICLE',
        `“深化改革惠民生”专栏${m + 1}月稿件`,
        '全媒体专栏',
        count,
        isoDate(YEAR, m + 2, 0),
      ),
    ),
  );
  monthly(FIGURES.wechatPosts).forEach((count, m) =>
    rows.promotion.push(
      promotion(
        `posts:${m + 1}`,
        'WECHAT_POST',
        `改革公众号${m + 1}月推送`,
        '改革公众号',
        count,
        isoDate(YEAR, m + 2, 0),
      ),
    ),
  );

  SCORING_RULES.forEach(([basis, level, points]) =>
    rows.scoring_rule.push({ id: id(`rule:${basis}:${level}`), year: YEAR, basis, level, points }),
  );
  LEADS_WON.forEach(([level, key, title], i) =>
    rows.lead_won.push({
      id: id(`lead:${i + 1}`),
      organization_id: department(key),
      region_code: regionOf.get(department(key)) ?? DEMO_COUNTY_CODE,
      level,
      title,
      won_on: isoDate(YEAR, 3 + i, 18),
      year: YEAR,
    }),
  );
  return rows;
}

function mention(bulletinId: string, position: number, verdict: string, task: TaskRow, note: string): Row {
  return {
    id: id(`mention:${bulletinId}:${position}`),
    bulletin_id: bulletinId,
    position,
    verdict,
    organization_id: task.lead_organization_id,
    task_id: task.id,
    note: `${task.code}：${note}`,
    supervision_order_id: null,
  };
}

function document(
  key: string,
  kind: string,
  title: string,
  n: number,
  outcomeId: string | null,
  tasks: TaskRow[],
): Row {
  return {
    id: id(`document:${key}`),
    kind,
    title,
    document_number: `${kind === 'REFORM_DOCUMENT' ? '县改发' : '县改办发'}〔${YEAR}〕${n}号`,
    issued_on: isoDate(YEAR, 1 + (n % 12), 1 + (n % 27)),
    year: YEAR,
    region_code: DEMO_COUNTY_CODE,
    outcome_id: outcomeId,
    task_ids: [tasks[n % tasks.length].id],
  };
}

function promotion(key: string, kind: string, title: string, outlet: string, count: number, on: string): Row {
  return {
    id: id(`promotion:${key}`),
    kind,
    title,
    outlet,
    count,
    occurred_on: on,
    year: YEAR,
    region_code: DEMO_COUNTY_CODE,
    outcome_id: null,
  };
}

/** Loads the instruments once, after the ledger (they name its tasks); one statement per table. */
export async function seedReformInstruments(orm: MikroORM, options: DemoSeedOptions): Promise<number> {
  const em = orm.em.fork();
  const [{ n }] = await em.execute<{ n: string }[]>('select count(*) as n from dispatch_round');
  if (Number(n) > 0) return 0;
  const tasks = await em.execute<TaskRow[]>(
    `select id, code, status, lead_organization_id from reform_task
      where year = ? and parent_id is null and region_code = ? order by key_task desc, code`,
    [YEAR, DEMO_COUNTY_CODE],
  );
  if (tasks.length < FIGURES.keyTasks) return 0;
  const rows = planInstruments(generateDemoCity({ counties: Math.min(options.counties, 1) }), tasks);
  await em.transactional(async (tx) => {
    for (const table of TABLES) await bulkInsert(tx, table, rows[table]);
  });
  return TABLES.reduce((sum, table) => sum + rows[table].length, 0);
}
