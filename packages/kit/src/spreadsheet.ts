import ExcelJS, { type CellValue } from 'exceljs';
import { badInput } from './errors';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** The first sheet of an uploaded .xlsx; a file that is empty or not a workbook is bad input (`file`). */
export async function readFirstSheet(file: Buffer): Promise<ExcelJS.Worksheet> {
  if (file.length === 0) throw badInput('file', 'empty', 'the file is empty');
  const notXlsx = badInput('file', 'xlsx', 'is not an .xlsx workbook');
  if (!file.subarray(0, 4).equals(ZIP_MAGIC)) throw notXlsx;
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(file as unknown as ArrayBuffer);
  } catch {
    throw notXlsx;
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) throw badInput('file', 'empty', 'the workbook has no sheet');
  return sheet;
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
