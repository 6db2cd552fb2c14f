import type { EntityManager } from '@mikro-orm/postgresql';
import { isRegionCode, regionCodePrefix } from '@county/domain';
import {
  badInput,
  cellDate,
  cellText,
  RejectedRows,
  uploadRejected,
  type Directory,
  type SheetRow,
  type SheetRows,
} from '@county/kit';
import { TaskSource } from '../vocabulary';
import { ReformTask } from '../task/task.entity';
import { createTaskRule } from '../task/task.rules';
import { newReformTask, type NewTaskData } from '../task/new-task';
import { SpecialGroup } from '../special-group/special-group.entity';
import { WorkPoint } from '../work-point/work-point.entity';
import { directoryOfRegion, type RegionDirectory } from './directory-names';
import { LEDGER_COLUMNS, NO, SOURCE_LABELS, splitUnits, YES, type LedgerColumn } from './ledger.columns';

export interface RejectedRow {
  /** The sheet's row number, as Excel shows it (the header is row 1). */
  row: number;
  /** The column's header. */
  column: string;
  reason: string;
}

export interface ImportReport {
  imported: number;
  rejected: RejectedRows<RejectedRow>;
}

export interface LedgerImport {
  year: number;
  /** The county (or township) whose ledger this is: units and leaders are looked up there. */
  regionCode: string;
  sheet: SheetRows;
  /** Problems listed in a refusal (the rest are counted). */
  maxErrors: number;
}

/** The ledger column a field of `createTaskRule` is read from, to place the rule's refusals. */
const COLUMN_OF: Partial<Record<keyof NewTaskData, LedgerColumn>> = {
  code: 'code',
  title: 'title',
  goal: 'goal',
  specialGroupId: 'specialGroup',
  source: 'source',
  leadOrganizationId: 'leadOrganization',
  cooperatingOrganizationIds: 'cooperatingOrganizations',
  regionCode: 'regionCode',
  leaderId: 'leader',
  keyTask: 'keyTask',
  plannedStart: 'plannedStart',
  plannedEnd: 'plannedEnd',
  workPointId: 'workPointNumber',
  parentId: 'parentCode',
};

/** Column numbers by ledger column, from the header row; refuses a sheet that lacks a required one. */
function locateColumns(byHeader: Map<string, number>): Partial<Record<LedgerColumn, number>> {
  const columns: Partial<Record<LedgerColumn, number>> = {};
  const missing: string[] = [];
  for (const [key, spec] of Object.entries(LEDGER_COLUMNS) as [
    LedgerColumn,
    (typeof LEDGER_COLUMNS)[LedgerColumn],
  ][]) {
    const column = byHeader.get(spec.header);
    if (column) columns[key] = column;
    else if (spec.required) missing.push(spec.header);
  }
  if (missing.length)
    throw badInput('file', 'missing-column', `the sheet lacks the column(s) ${missing.join('、')}`);
  return columns;
}

/** The refusal of a whole import, listing the first rejected rows and counting them all. */
export const ledgerRejected = (report: ImportReport) =>
  uploadRejected('ledger', 'nothing was imported', report.rejected);

interface Context {
  year: number;
  prefix: string;
  regionCode: string;
  groups: Map<string, string>;
  taken: Set<string>;
  points: Map<number, string>;
  parents: Map<string, { id: string; parentId: string | null; year: number }>;
  directory: RegionDirectory;
}

/**
 * Reads an annual ledger and, when every row is good, adds its tasks (and new work points) in one
 * transaction. Any bad row refuses the whole file; the report lists every problem, row by row.
 */
export async function importLedger(
  em: EntityManager,
  directory: Directory,
  request: LedgerImport,
): Promise<ImportReport> {
  const columns = locateColumns(request.sheet.headers);
  const { rows } = request.sheet;
  if (!rows.length) throw badInput('file', 'empty', 'the sheet has no task rows under its header');

  const codes = rows.map((row) => cellText(row.cell(columns.code!)));
  const parentCodes = columns.parentCode
    ? rows.map((row) => cellText(row.cell(columns.parentCode!))).filter(Boolean)
    : [];
  const [groups, existing, points, parents, names] = await Promise.all([
    em.find(SpecialGroup, {}),
    em.find(ReformTask, { code: { $in: codes } }, { fields: ['code'] }),
    em.find(WorkPoint, { year: request.year }),
    em.find(ReformTask, { code: { $in: parentCodes } }, { fields: ['code', 'parentId', 'year'] }),
    directoryOfRegion(directory, request.regionCode),
  ]);
  const context: Context = {
    year: request.year,
    regionCode: request.regionCode,
    prefix: regionCodePrefix(request.regionCode) ?? request.regionCode,
    groups: new Map(groups.flatMap((g) => [[g.name, g.id] as const, [g.key, g.id] as const])),
    taken: new Set(existing.map((t) => t.code)),
    points: new Map(points.map((p) => [p.number, p.id])),
    parents: new Map(parents.map((t) => [t.code, { id: t.id, parentId: t.parentId, year: t.year }])),
    directory: names,
  };

  const rejected = new RejectedRows<RejectedRow>(request.maxErrors);
  const newPoints = new Map<number, WorkPoint>();
  const tasks: { id: string; data: NewTaskData }[] = [];
  for (const row of rows) {
    const parsed = parseRow(row, columns, context, newPoints, (column, reason) =>
      rejected.push({ row: row.number, column: LEDGER_COLUMNS[column].header, reason }),
    );
    if (parsed) {
      tasks.push(parsed);
      context.taken.add(parsed.data.code);
      context.parents.set(parsed.data.code, {
        id: parsed.id,
        parentId: parsed.data.parentId ?? null,
        year: parsed.data.year,
      });
    }
  }
  if (rejected.total) return { imported: 0, rejected };

  await em.transactional(async (tx) => {
    for (const point of newPoints.values()) tx.create(WorkPoint, point);
    // plans before their tasks: file order already puts a plan above the tasks that name it
    for (const task of tasks) tx.create(ReformTask, newReformTask(task.data, task.id));
  });
  return { imported: tasks.length, rejected };
}

function parseRow(
  row: SheetRow,
  columns: Partial<Record<LedgerColumn, number>>,
  context: Context,
  newPoints: Map<number, WorkPoint>,
  reject: (column: LedgerColumn, reason: string) => void,
): { id: string; data: NewTaskData } | null {
  const failed = new Set<LedgerColumn>();
  const fail = (column: LedgerColumn, reason: string) => {
    failed.add(column);
    reject(column, reason);
  };
  const text = (column: LedgerColumn) => (columns[column] ? cellText(row.cell(columns[column])) : '');
  const required = (column: LedgerColumn) => {
    const value = text(column);
    if (!value) fail(column, 'is empty');
    return value;
  };

  const code = required('code');
  if (code && context.taken.has(code)) fail('code', `task ${code} is already in the ledger`);
  const title = required('title');
  const goal = required('goal');

  const groupName = required('specialGroup');
  const specialGroupId = context.groups.get(groupName);
  if (groupName && !specialGroupId) fail('specialGroup', `no special group is called ${groupName}`);

  const sourceText = required('source');
  const source = (Object.entries(SOURCE_LABELS).find(
    ([key, label]) => sourceText === label || sourceText === key,
  )?.[0] ?? null) as TaskSource | null;
  if (sourceText && !source) fail('source', `must be ${Object.values(SOURCE_LABELS).join(' or ')}`);

  const unit = (column: LedgerColumn, name: string): string | null => {
    const ids = context.directory.unit.get(name) ?? [];
    if (ids.length === 1) return ids[0];
    fail(
      column,
      ids.length ? `${name} names ${ids.length} units: use the credit code` : `unknown unit ${name}`,
    );
    return null;
  };
  const leadName = required('leadOrganization');
  const leadOrganizationId = leadName ? unit('leadOrganization', leadName) : null;
  const cooperating = splitUnits(text('cooperatingOrganizations')).map((name) =>
    unit('cooperatingOrganizations', name),
  );

  const regionCode = text('regionCode') || context.regionCode;
  if (!isRegionCode(regionCode) || !regionCode.startsWith(context.prefix))
    fail('regionCode', `must be a division code within ${context.regionCode}`);

  const leaderName = text('leader');
  let leaderId: string | null = null;
  if (leaderName) {
    const ids = context.directory.leader.get(leaderName) ?? [];
    if (ids.length === 1) leaderId = ids[0];
    else
      fail('leader', ids.length ? `${leaderName} is ambiguous` : `no county leader is called ${leaderName}`);
  }

  const keyText = text('keyTask');
  if (keyText && keyText !== YES && keyText !== NO) fail('keyTask', `must be ${YES} or ${NO}`);

  const dates = (['plannedStart', 'plannedEnd'] as const).map((column) => {
    const cell = columns[column] ? row.cell(columns[column]) : null;
    if (!cellText(cell)) return (fail(column, 'is empty'), null);
    const date = cellDate(cell);
    if (!date) fail(column, `${cellText(cell)} is not a date (YYYY-MM-DD)`);
    return date;
  });
  const [plannedStart, plannedEnd] = dates;

  let workPointId: string | null = null;
  const numberText = text('workPointNumber');
  if (numberText) {
    const number = Number(numberText);
    if (!Number.isInteger(number) || number < 1) fail('workPointNumber', 'must be a whole number from 1');
    else {
      workPointId = context.points.get(number) ?? newPoints.get(number)?.id ?? null;
      const pointTitle = text('workPoint');
      if (!workPointId && !pointTitle) fail('workPoint', `work point ${number} is new: give its text`);
      else if (!workPointId && specialGroupId) {
        workPointId = crypto.randomUUID();
        newPoints.set(number, {
          id: workPointId,
          year: context.year,
          number,
          title: pointTitle,
          specialGroupId,
        });
      }
    }
  }

  let parentId: string | null = null;
  const parentCode = text('parentCode');
  if (parentCode) {
    const parent = context.parents.get(parentCode);
    if (!parent) fail('parentCode', `no task ${parentCode} in the ledger or above this row`);
    else if (parent.parentId)
      fail('parentCode', `${parentCode} is itself under a plan: plans are one level deep`);
    else if (parent.year !== context.year) fail('parentCode', `${parentCode} is a task of ${parent.year}`);
    else parentId = parent.id;
  }

  if (failed.size) return null;
  // the rules of a task are createReformTask's: one schema for the form and the sheet
  const checked = createTaskRule.safeParse({
    code,
    title,
    year: context.year,
    workPointId,
    parentId,
    specialGroupId,
    source,
    goal,
    leadOrganizationId,
    cooperatingOrganizationIds: cooperating,
    regionCode,
    leaderId,
    keyTask: keyText === YES,
    plannedStart,
    plannedEnd,
  });
  if (!checked.success) {
    for (const issue of checked.error.issues) {
      const column = COLUMN_OF[issue.path[0] as keyof NewTaskData] ?? 'code';
      if (!failed.has(column)) fail(column, issue.message);
    }
    return null;
  }
  // a plan's id is known before its tasks are written: rows below it name it
  const id = crypto.randomUUID();
  return { id, data: checked.data };
}
