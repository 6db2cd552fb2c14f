import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';
import { badInput } from '../errors';
import { importLimits } from '../imports/import-limits';
import { readFirstSheet } from '../spreadsheet';
import { cellString, type FeedMapping } from './feed-mapping';
import type { FeedLimits } from './feed-limits';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** A delivery's rows as text: the header row, then each data row with its number as the file shows it. */
export interface DeliveryRows {
  headers: string[];
  rows: { number: number; cells: string[] }[];
}

/** Provincial exports come in UTF-8 or GBK; `auto` takes UTF-8 when the bytes are valid UTF-8. */
function decode(file: Buffer, encoding: FeedMapping['encoding']): string {
  if (encoding === 'gbk' || encoding === 'gb18030') return iconv.decode(file, encoding);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(file);
  } catch {
    if (encoding === 'utf-8') throw badInput('file', 'encoding', 'the file is not UTF-8 as its mapping says');
    return iconv.decode(file, 'gb18030');
  }
}

/** Reads a CSV export or an Excel workbook (its first sheet) within the feed limits. */
export async function readDelivery(
  file: Buffer,
  mapping: FeedMapping,
  limits: FeedLimits,
): Promise<DeliveryRows> {
  if (file.length === 0) throw badInput('file', 'empty', 'the file is empty');
  if (file.subarray(0, 4).equals(ZIP_MAGIC)) {
    const sheet = await readFirstSheet(file, { ...importLimits(), maxRows: limits.maxRows });
    const headers: string[] = [];
    for (const [header, column] of sheet.headers) headers[column - 1] = header;
    return {
      headers: Array.from(headers, (h) => h ?? ''),
      rows: sheet.rows.map((row) => ({
        number: row.number,
        cells: headers.map((_, i) => cellString(row.cell(i + 1))),
      })),
    };
  }
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(decode(file, mapping.encoding), {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      to: limits.maxRows + 2,
    }) as unknown as typeof records;
  } catch (error) {
    throw badInput(
      'file',
      'csv',
      `the file is not a readable CSV: ${(error as Error).message.slice(0, 200)}`,
    );
  }
  if (records.length === 0) throw badInput('file', 'empty', 'the file has no header row');
  if (records.length > limits.maxRows + 1)
    throw badInput('file', 'rows', `the file has more than ${limits.maxRows} rows (FEED_MAX_ROWS)`);
  const [header, ...rest] = records;
  return {
    headers: header.record.map((h) => h.trim()),
    rows: rest.map(({ record, info }) => ({ number: info.lines, cells: record.map((c) => c.trim()) })),
  };
}
