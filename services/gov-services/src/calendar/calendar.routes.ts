import { z } from 'zod';
import {
  assertPerformAction,
  importRoute,
  parseInput,
  XLSX_CONTENT_TYPE,
  type FileRoute,
  type InputIssue,
} from '@county/kit';
import { permissions } from '../permissions';
import { enterCalendarYear, yearArgRule } from './calendar.resolver';
import { calendarEntryRule } from './calendar.rules';
import { calendarRejected, calendarWorkbook, readCalendarSheet, type RejectedRow } from './calendar.sheet';
import { calendarYearView } from './calendar.view';

const exportRule = z.object({ year: z.coerce.number().pipe(yearArgRule) });
const importRule = z.object({
  year: z.coerce.number().pipe(yearArgRule),
  version: z.coerce.number().int().min(1).optional(),
});

/** GET /files/calendar.xlsx?year=2027: the year's days off and make-up days (a template when provisional). */
export const calendarExportRoute: FileRoute = {
  method: 'GET',
  path: 'calendar.xlsx',
  async handle({ em, identity, query }) {
    assertPerformAction({ identity }, permissions, 'calendar.export');
    const { year } = parseInput(exportRule, { year: query.get('year') ?? undefined }, '');
    const view = await calendarYearView(em, year);
    const status = view.status === 'OFFICIAL' ? '' : '-临时';
    return {
      file: await calendarWorkbook(view),
      filename: `工作日历-${year}${status}.xlsx`,
      contentType: XLSX_CONTENT_TYPE,
    };
  },
};

/**
 * POST /files/calendar.xlsx?year=2027[&version=N] with the workbook (role approval-bureau): the whole year
 * or nothing; a refusal lists the bad rows, and the year's own rules (statutory holidays, …) by row too.
 * The kit's `importRoute` holds the upload to the import limits (and would make a large one a job).
 */
export const calendarImportRoute: FileRoute = importRoute({
  path: 'calendar.xlsx',
  accept({ identity, query }) {
    assertPerformAction({ identity }, permissions, 'calendar.enter');
    return parseInput(
      importRule,
      { year: query.get('year') ?? undefined, version: query.get('version') ?? undefined },
      '',
    );
  },
  async run(sheet, request, { em, identity, limits }) {
    const { entry, rejected } = readCalendarSheet(sheet, limits.maxErrors);
    const checked = calendarEntryRule.safeParse({
      year: request.year,
      source: entry.source,
      days: entry.days,
      version: request.version,
    });
    if (!checked.success) rejected.push(...checked.error.issues.map((issue) => rowOf(issue, entry.rows)));
    if (rejected.total || !checked.success) throw calendarRejected(rejected);
    const view = await enterCalendarYear({ em, identity }, checked.data);
    return {
      year: view.year,
      status: view.status,
      days: view.days.length,
      recompute: view.recompute?.status ?? null,
    };
  },
});

/** A rule's issue as a rejected row: `days.<i>.date` is the sheet row of day i; the rest are year-wide. */
function rowOf(
  issue: { path: PropertyKey[]; message: string; params?: unknown },
  rows: number[],
): RejectedRow {
  const [list, index] = issue.path;
  const column = issue.path[0] === 'source' ? '来源' : '日期';
  const rule = (issue.params as Pick<InputIssue, 'rule'> | undefined)?.rule;
  const row = list === 'days' && typeof index === 'number' ? rows[index] : null;
  return { row, column, reason: issue.message, ...(rule ? { rule } : {}) };
}
