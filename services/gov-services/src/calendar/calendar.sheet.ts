import ExcelJS from 'exceljs';
import { badInput, cellDate, cellText, RejectedRows, uploadRejected, type SheetRows } from '@county/kit';
import { CalendarDayKind } from './calendar.entity';
import type { WorkingCalendarYear } from './calendar.view';

const HEADERS = { date: '日期', kind: '类型', name: '节日', source: '来源' } as const;
const KIND_LABELS: Record<CalendarDayKind, string> = {
  [CalendarDayKind.HOLIDAY]: '放假',
  [CalendarDayKind.WORKDAY]: '调休上班',
};

/** One problem of an uploaded calendar: the sheet's row (null: the year as a whole), its column, why. */
export interface RejectedRow {
  row: number | null;
  column: string;
  reason: string;
  /** The rule broken, when a rule of the year (not the cell's format) refused it. */
  rule?: string;
}

export interface SheetEntry {
  source: string;
  days: { date: string; kind: CalendarDayKind; name: string | null }[];
  /** The sheet row of each day, for naming rows in errors found later. */
  rows: number[];
}

/** 放假安排表 — the year as a workbook a clerk can edit and upload again (a provisional year is a template). */
export async function calendarWorkbook(view: WorkingCalendarYear): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(`${view.year}年放假安排`);
  sheet.columns = [
    { header: HEADERS.date, key: 'date', width: 14 },
    { header: HEADERS.kind, key: 'kind', width: 12 },
    { header: HEADERS.name, key: 'name', width: 12 },
    { header: HEADERS.source, key: 'source', width: 60 },
  ];
  sheet.getRow(1).font = { bold: true };
  // text cells: a date typed as text survives every spreadsheet program's locale
  for (const day of view.days)
    sheet.addRow({ date: day.day, kind: KIND_LABELS[day.kind], name: day.name ?? '', source: view.source });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** The refusal of a whole upload, listing the first problems and counting them all. */
export const calendarRejected = (rejected: RejectedRows<RejectedRow>) =>
  uploadRejected('calendar', 'nothing was entered', rejected);

/** Reads an uploaded year: rows of date, kind, name and source; every unreadable row is counted. */
export function readCalendarSheet(
  sheet: SheetRows,
  maxErrors: number,
): { entry: SheetEntry; rejected: RejectedRows<RejectedRow> } {
  const columns = sheet.headers;
  const missing = [HEADERS.date, HEADERS.kind, HEADERS.source].filter((h) => !columns.has(h));
  if (missing.length)
    throw badInput('file', 'missing-column', `the sheet lacks the column(s) ${missing.join('、')}`);
  const rejected = new RejectedRows<RejectedRow>(maxErrors);
  const entry: SheetEntry = { source: '', days: [], rows: [] };
  const sources = new Set<string>();
  for (const row of sheet.rows) {
    const { number } = row;
    const cell = (header: string) => (columns.has(header) ? row.cell(columns.get(header)!) : null);
    const text = (header: string) => cellText(cell(header));
    if (![HEADERS.date, HEADERS.kind, HEADERS.name, HEADERS.source].some((h) => text(h))) continue;
    const reject = (column: string, reason: string) => rejected.push({ row: number, column, reason });
    const date = cellDate(cell(HEADERS.date));
    if (!date)
      reject(
        HEADERS.date,
        text(HEADERS.date) ? `${text(HEADERS.date)} is not a date (YYYY-MM-DD)` : 'is empty',
      );
    const kind = (Object.entries(KIND_LABELS).find(([, label]) => label === text(HEADERS.kind))?.[0] ??
      null) as CalendarDayKind | null;
    if (!kind) reject(HEADERS.kind, `must be ${Object.values(KIND_LABELS).join(' or ')}`);
    const source = text(HEADERS.source);
    if (!source) reject(HEADERS.source, 'is empty: name the notice (title and number)');
    else sources.add(source);
    if (date && kind) {
      entry.days.push({ date, kind, name: text(HEADERS.name) || null });
      entry.rows.push(number);
    }
  }
  if (sources.size > 1)
    rejected.push({
      row: null,
      column: HEADERS.source,
      reason: `one notice per year: the sheet names ${sources.size}`,
    });
  entry.source = [...sources][0] ?? '';
  if (!entry.days.length && !rejected.total)
    throw badInput('file', 'empty', 'the sheet has no days under its header');
  return { entry, rejected };
}
