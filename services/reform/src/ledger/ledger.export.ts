import ExcelJS from 'exceljs';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Directory } from '@county/kit';
import { ReformTask } from '../task/task.entity';
import { round1, stateCall } from '../task/task-state';
import { SpecialGroup } from '../special-group/special-group.entity';
import { WorkPoint } from '../work-point/work-point.entity';
import { LEDGER_COLUMNS, NO, PROGRESS_COLUMNS, SOURCE_LABELS, STATUS_LABELS, YES } from './ledger.columns';

interface StateRow {
  task_id: string;
  expected: number;
  actual: number;
  lagging: boolean;
}

/** The year's ledger as an .xlsx workbook: every task, with expected vs actual progress on `asOf` and lagging. */
export async function exportLedger(
  em: EntityManager,
  directory: Directory,
  year: number,
  asOf: string,
): Promise<Buffer> {
  const tasks: ReformTask[] = await em
    .createQueryBuilder(ReformTask)
    .where({ year })
    .orderBy({ code: 'asc' })
    .execute('all', true);
  const call = stateCall(asOf, { year });
  const [states, groups, points, names] = await Promise.all([
    em.getConnection().execute<StateRow[]>(`select * from ${call.sql}`, call.params),
    em.createQueryBuilder(SpecialGroup).execute<SpecialGroup[]>('all', true),
    em.createQueryBuilder(WorkPoint).where({ year }).execute<WorkPoint[]>('all', true),
    directory.names({
      organizations: tasks.flatMap((t) => [t.leadOrganizationId, ...t.cooperatingOrganizationIds]),
      people: tasks.map((t) => t.leaderId).filter((id): id is string => !!id),
    }),
  ]);
  const state = new Map(states.map((s) => [s.task_id, s]));
  const group = new Map(groups.map((g) => [g.id, g.name]));
  const point = new Map(points.map((p) => [p.id, p]));
  const code = new Map(tasks.map((t) => [t.id, t.code]));
  const name = (id: string) => names.get(id) ?? id;

  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`${year}年改革任务台账`);
  sheet.columns = [
    ...Object.entries(LEDGER_COLUMNS).map(([key, c]) => ({ key, header: c.header, width: c.width })),
    ...Object.entries(PROGRESS_COLUMNS).map(([key, c]) => ({ key, header: c.header, width: c.width })),
  ];
  sheet.getRow(1).font = { bold: true };
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
  for (const task of tasks) {
    const s = state.get(task.id);
    const wp = task.workPointId ? point.get(task.workPointId) : undefined;
    const row = sheet.addRow({
      code: task.code,
      workPointNumber: wp?.number ?? '',
      workPoint: wp?.title ?? '',
      parentCode: task.parentId ? (code.get(task.parentId) ?? '') : '',
      title: task.title,
      specialGroup: group.get(task.specialGroupId) ?? '',
      source: SOURCE_LABELS[task.source],
      goal: task.goal,
      leadOrganization: name(task.leadOrganizationId),
      cooperatingOrganizations: task.cooperatingOrganizationIds.map(name).join('、'),
      regionCode: task.regionCode,
      leader: task.leaderId ? name(task.leaderId) : '',
      keyTask: task.keyTask ? YES : NO,
      plannedStart: task.plannedStart,
      plannedEnd: task.plannedEnd,
      status: STATUS_LABELS[task.status],
      expected: round1(s?.expected ?? 0),
      actual: round1(s?.actual ?? 0),
      lagging: s?.lagging ? YES : NO,
      version: task.version,
    });
    if (s?.lagging) row.getCell('lagging').font = { color: { argb: 'FFC00000' }, bold: true };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
