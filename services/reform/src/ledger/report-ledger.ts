import {
  assertSignedIn,
  badInput,
  cellList,
  cellRefused,
  cellText,
  defineLedger,
  forbidden,
  isUuid,
  ledgerRegion,
  ledgerRoutes,
  type FileRoute,
  type LedgerReadContext,
} from '@county/kit';
import { chinaDay, regionCodePrefix, yearRule } from '@county/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { CellValue } from 'exceljs';
import { z } from 'zod';
import { permissions } from '../permissions';
import { ReportPeriodKind } from '../vocabulary';
import { ReformTask } from '../task/task.entity';
import { Milestone } from '../milestone/milestone.entity';
import { ProgressReport } from '../report/report.entity';
import { ProgressReportMutations } from '../report/report.mutations';
import type { SubmitProgressReportInput } from '../report/report.args';
import { submitReportRule } from '../report/report.rules';
import { NO, YES } from './ledger.columns';
import { parseLedgerRequest } from './ledger.request';

export interface ReportLedgerParams {
  year: number;
  /** The county (or township) whose tasks the sheet lists (export: optional) and may name (import). */
  region: string | null;
}

type TaskRow = Pick<ReformTask, 'id' | 'code' | 'title' | 'leadOrganizationId'>;

interface Lookups {
  tasks: Map<string, TaskRow>;
  /** The year's tasks of the import's region, by code: the ones a new row may report on. */
  byCode: Map<string, TaskRow>;
  names: Map<string, string>;
}

/** "1+2": monthly reports (月报) from every lead organisation, quarterly ones (季报) on key tasks. */
const KIND_LABELS: Record<ReportPeriodKind, string> = { MONTHLY: '月报', QUARTERLY: '季报' };

const mutations = new ProgressReportMutations();

const rule = submitReportRule.shape;

/**
 * The reports on the year's tasks: of the region (an export), or with these ids (an import's kept rows,
 * wherever their task is: an export of the whole county can go back with a township's region).
 */
function reportsOf({ em, params }: LedgerReadContext<ReportLedgerParams>, ids?: string[]) {
  const qb = em
    .createQueryBuilder(ProgressReport, 'r')
    .select('r.*')
    .join('r.taskId', 't')
    .where({ 't.year': params.year });
  if (params.region && !ids) qb.andWhere('t.region_code like ?', [`${regionCodePrefix(params.region)}%`]);
  if (ids) qb.andWhere({ id: { $in: ids } });
  return qb.orderBy({ 't.code': 'asc', periodEnd: 'asc', periodKind: 'asc' }).getResultList();
}

async function lookups(
  purpose: 'export' | 'import',
  records: ProgressReport[],
  { em, directory, params }: LedgerReadContext<ReportLedgerParams>,
): Promise<Lookups> {
  const fields = ['id', 'code', 'title', 'leadOrganizationId'] as const;
  const [reported, open] = await Promise.all([
    em.find(ReformTask, { id: [...new Set(records.map((r) => r.taskId))] }, { fields }),
    purpose === 'import'
      ? em.find(
          ReformTask,
          { year: params.year, regionCode: { $like: `${regionCodePrefix(params.region!)}%` } },
          { fields },
        )
      : [],
  ]);
  const tasks = new Map([...reported, ...open].map((t) => [t.id, t]));
  // the lead organisation is shown only: an import never reads it back
  const names =
    purpose === 'export'
      ? await directory.names({ organizations: reported.map((t) => t.leadOrganizationId) })
      : new Map<string, string>();
  return { tasks, byCode: new Map(open.map((t) => [t.code, t])), names };
}

/** 报送期: a month Excel turned into a date is read back as that month. */
function period(cell: CellValue): string {
  if (cell instanceof Date) return cell.toISOString().slice(0, 7);
  return cellText(cell).toUpperCase();
}

function percent(cell: CellValue): number {
  const text = cellText(cell).replace(/%$/, '');
  if (!/^-?\d+(\.\d+)?$/.test(text)) throw cellRefused('integer', `${cellText(cell)} is not a percent 0–100`);
  return Number(text);
}

/** The ids of the milestones a new row names as done, by their titles on the row's task. */
async function milestoneIds(taskId: string, titles: string[] | null, em: EntityManager) {
  if (!titles?.length) return [];
  const found = await em.find(
    Milestone,
    { taskId, title: titles, removedOn: null },
    { fields: ['id', 'title'] },
  );
  const unknown = titles.find((title) => !found.some((m) => m.title === title));
  if (unknown)
    throw badInput('input.completedMilestoneIds', 'exists', `${unknown} is not a milestone of this task`);
  return found.map((m) => m.id);
}

/**
 * 进展报送台账 — the lead organisations' progress reports (月报 and 季报) on the year's tasks, one row per
 * report. A row with an empty 报告编号 submits a report; a submitted report cannot be changed (the mutation
 * has no update), so every cell of a kept row is `fixed`.
 */
export const reportLedger = defineLedger<ProgressReport, ReportLedgerParams, Lookups>({
  sheet: ({ year }) => `${year}年改革任务进展报送台账`,
  key: { header: '报告编号', width: 38, of: (r) => r.id, assigned: 'system' },
  columns: [
    {
      header: '任务编号',
      width: 14,
      field: 'taskId',
      updatable: false,
      value: (r) => r.taskId,
      format: (r, l) => l.tasks.get(r.taskId)?.code ?? r.taskId,
      parse: (cell, l) => {
        const task = l.byCode.get(cellText(cell));
        if (!task) throw cellRefused('exists', `no task ${cellText(cell)} of this year in the region`);
        return task.id;
      },
    },
    { header: '任务名称', width: 36, format: (r, l) => l.tasks.get(r.taskId)?.title ?? '' },
    {
      header: '牵头单位',
      width: 26,
      format: (r, l) => {
        const lead = l.tasks.get(r.taskId)?.leadOrganizationId;
        return lead ? (l.names.get(lead) ?? lead) : '';
      },
    },
    {
      header: '报送期',
      width: 10,
      field: 'period',
      updatable: false,
      value: (r) => r.period,
      parse: period,
      rule: rule.period,
    },
    { header: '报送类型', width: 8, format: (r) => KIND_LABELS[r.periodKind] },
    {
      header: '完成进度(%)',
      width: 10,
      field: 'percent',
      updatable: false,
      value: (r) => r.percent,
      parse: percent,
      rule: rule.percent,
    },
    {
      header: '本期完成情况',
      width: 40,
      field: 'done',
      updatable: false,
      value: (r) => r.done,
      rule: rule.done,
    },
    {
      header: '存在问题',
      width: 30,
      field: 'problems',
      updatable: false,
      whenEmpty: () => '',
      value: (r) => r.problems,
      rule: rule.problems,
    },
    {
      header: '下步打算',
      width: 30,
      field: 'nextSteps',
      updatable: false,
      whenEmpty: () => '',
      value: (r) => r.nextSteps,
      rule: rule.nextSteps,
    },
    {
      header: '进度回退说明',
      width: 24,
      field: 'regressionReason',
      optional: true,
      updatable: false,
      value: (r) => r.regressionReason,
    },
    // which milestones a report completed is not stored with it: the cell is written on a new row only
    {
      header: '本期完成节点',
      width: 24,
      field: 'milestoneTitles',
      inputs: ['completedMilestoneIds'],
      optional: true,
      updatable: false,
      value: () => null,
      format: () => '',
      parse: (cell) => cellList(cellText(cell)),
    },
    { header: '报送截止', width: 12, format: (r) => r.dueDate },
    { header: '报送日期', width: 12, format: (r) => chinaDay(new Date(r.submittedAt)) },
    {
      header: '是否迟报',
      width: 8,
      format: (r) => (chinaDay(new Date(r.submittedAt)) > r.dueDate ? YES : NO),
      alarm: (r) => chinaDay(new Date(r.submittedAt)) > r.dueDate,
    },
    { header: '报送人', width: 12, format: (r) => r.reporter },
  ],
  lookups,
  records: (context) => reportsOf(context),
  // a report on another year's task is not this ledger's: its key is refused as unknown
  find: (ids, context) => reportsOf(context, ids.filter(isUuid)),
  async create(fields, write) {
    const { milestoneTitles, regressionReason, ...report } = fields;
    const input = {
      ...report,
      regressionReason: regressionReason ?? undefined,
      completedMilestoneIds: await milestoneIds(
        report.taskId as string,
        milestoneTitles as string[],
        write.em,
      ),
    };
    await mutations.submitProgressReport(input as unknown as SubmitProgressReportInput, write);
  },
  // every column is fixed on a kept row, so the import never asks; the rule is said here too
  update() {
    throw badInput('period', 'fixed', 'a submitted report cannot be changed: report the next period');
  },
});

const exportRequest = z.object({ year: z.coerce.number().pipe(yearRule) });

/**
 * GET /files/reports.xlsx?year=2019[&region=<code>]: the progress reports on the year's tasks (any signed-in
 * caller). POST it back with `?year=2019&region=<code>` as a task's lead organisation (role
 * `department:<id>`, each row checked by submitProgressReport): a row with an empty 报告编号 submits a report;
 * an edited submitted report is refused (`fixed`).
 */
export const reportLedgerRoutes: FileRoute[] = ledgerRoutes(reportLedger, {
  path: 'reports.xlsx',
  filename: ({ year }) => `改革任务进展报送台账-${year}.xlsx`,
  exportParams({ identity, query }) {
    assertSignedIn({ identity });
    const { year } = parseLedgerRequest(exportRequest, { year: query.get('year') ?? undefined });
    return { year, region: query.get('region') ? ledgerRegion(query) : null };
  },
  importParams({ identity, query }) {
    assertSignedIn({ identity });
    const { year } = parseLedgerRequest(exportRequest, { year: query.get('year') ?? undefined });
    const region = ledgerRegion(query);
    // each row's write checks the task's lead organisation; a caller acting for none has no task to report on
    if (!identity.departments.length)
      throw forbidden('progress reports are submitted by the task’s lead organisation', [
        ...permissions['report.submit'].roles,
      ]);
    return { year, region };
  },
});
