import type ExcelJS from 'exceljs';
import type { CellValue } from 'exceljs';
import { badInput } from './errors';
import { checkArchive, notXlsx } from './imports/archive-check';
import { WorkbookReader } from './imports/workbook-reader';
import type { ImportLimits } from './imports/import-limits';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** One data row of an uploaded sheet: its number as Excel shows it, and its cells by column number. */
export interface SheetRow {
  number: number;
  cell(column: number): CellValue;
}

/** The first sheet of an upload: its header row (column number by header text) and its non-empty rows. */
export interface SheetRows {
  headers: Map<string, number>;
  rows: SheetRow[];
}

type Limits = Pick<ImportLimits, 'maxUnpackedBytes' | 'maxRows' | 'maxColumns'>;

/**
 * The first sheet of an uploaded .xlsx, read streaming (exceljs's WorkbookReader) within `limits`: the zip
 * is checked for its unpacked size first, then rows are read one at a time and only the non-empty ones
 * kept. A file that is empty, not a workbook, or over a limit is bad input (`file`, naming the rule).
 */
export async function readFirstSheet(file: Buffer, limits: Limits): Promise<SheetRows> {
  if (file.length === 0) throw badInput('file', 'empty', 'the file is empty');
  if (!file.subarray(0, 4).equals(ZIP_MAGIC)) throw notXlsx();
  const parts = await checkArchive(file, limits.maxUnpackedBytes);
  const reader = new WorkbookReader(parts, {
    worksheets: 'emit',
    sharedStrings: 'cache',
    hyperlinks: 'ignore',
    // number formats tell a date cell from a number
    styles: 'cache',
    entries: 'ignore',
  });
  let sheet: SheetRows | null = null;
  try {
    for await (const worksheet of reader) {
      sheet = { headers: new Map(), rows: [] };
      await readRows(worksheet, sheet, limits);
      break;
    }
  } catch (error) {
    throw (error as { extensions?: unknown }).extensions ? error : notXlsx();
  }
  if (!sheet) throw badInput('file', 'empty', 'the workbook has no sheet');
  return sheet;
}

async function readRows(worksheet: AsyncIterable<ExcelJS.Row>, sheet: SheetRows, limits: Limits) {
  for await (const row of worksheet) {
    if (row.cellCount > limits.maxColumns)
      throw badInput(
        'file',
        'max-columns',
        `row ${row.number} uses column ${row.cellCount}; at most ${limits.maxColumns} columns are read (IMPORT_MAX_COLUMNS)`,
      );
    const values = row.values as CellValue[];
    if (row.number === 1) {
      values.forEach((value, column) => sheet.headers.set(cellText(value), column));
      continue;
    }
    if (!values.some((value) => cellText(value ?? null) !== '')) continue;
    if (sheet.rows.length >= limits.maxRows)
      throw badInput(
        'file',
        'max-rows',
        `the sheet has more than ${limits.maxRows} rows; split it (IMPORT_MAX_ROWS)`,
      );
    sheet.rows.push({ number: row.number, cell: (column) => values[column] ?? null });
  }
}

/** The text a cell shows, whatever exceljs made of it (rich text, hyperlink, formula result, date). */
export function cellText(value: CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value !== 'object') return String(value).trim();
  if ('richText' in value)
    return value.richText
      .map((part) => part.text)
      .join('')
      .trim();
  if ('text' in value && typeof value.text === 'string') return value.text.trim();
  if ('result' in value) return cellText(value.result as CellValue);
  return '';
}

const DATE_TEXT = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/;

/** A calendar date from a date cell or text such as 2019-03-01, 2019/3/1 or 2019年3月1日; null otherwise. */
export function cellDate(value: CellValue): string | null {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? null : value.toISOString().slice(0, 10);
  const match = DATE_TEXT.exec(cellText(value));
  if (!match) return null;
  const [year, month, day] = match.slice(1).map(Number);
  const date = new Date(Date.UTC(year, month - 1, day)).toISOString().slice(0, 10);
  // 2019-02-30 would roll over to March: not a real date
  return date === `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}` ? date : null;
}
