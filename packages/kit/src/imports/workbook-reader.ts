import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import ExcelJS from 'exceljs';
import { Open, type DirectoryEntry } from 'unzipper';

const SHEET = /^xl\/worksheets\/sheet(\d+)\.xml$/;

/** The parts of a workbook in the order exceljs must read them: what names the sheets before the sheets. */
export const HEAD_PARTS = [
  'xl/_rels/workbook.xml.rels',
  'xl/workbook.xml',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
] as const;

/** An upload's parts, read from its zip's central directory (the list a spreadsheet program trusts). */
export async function workbookParts(file: Buffer): Promise<DirectoryEntry[]> {
  return (await Open.buffer(file)).files;
}

/**
 * exceljs 4.4's streaming WorkbookReader, with two of its faults mended for the uploads the kit reads:
 *
 * - It walks the zip in one streaming pass, which under load sometimes never delivers the last part; exceljs
 *   writes `xl/workbook.xml` last, so a good workbook was now and then refused as "not a workbook"
 *   (exceljs issues #3064, #962). Here the parts come from the central directory, the head parts first,
 *   then the sheets in their number's order, each still read row by row (nothing spooled to temporary files).
 * - It decodes each inflated chunk of a part on its own, so a Chinese character that straddles two 16 KB
 *   chunks comes out as two U+FFFD (exceljs issues #2063, #2084): shared strings and sheets are fed as text.
 */
export class WorkbookReader extends ExcelJS.stream.xlsx.WorkbookReader {
  constructor(
    private readonly parts: DirectoryEntry[],
    options: Partial<ExcelJS.stream.xlsx.WorkbookStreamReaderOptions>,
  ) {
    super(null as unknown as Readable, options);
  }

  override async *parse(): AsyncGenerator<unknown> {
    const base = ExcelJS.stream.xlsx.WorkbookReader.prototype as unknown as ExcelJsParts;
    const part = (path: string) => this.parts.find((entry) => entry.path === path)?.stream();
    const [rels, book, strings, styles] = HEAD_PARTS.map(part);
    if (rels) await base._parseRels.call(this, rels);
    if (book) await base._parseWorkbook.call(this, book);
    if (strings) {
      strings.setEncoding('utf8');
      yield* base._parseSharedStrings.call(this, strings);
    }
    if (styles) await base._parseStyles.call(this, styles);
    const sheets = this.parts
      .map((entry) => ({ entry, number: SHEET.exec(entry.path)?.[1] }))
      .filter((sheet): sheet is { entry: DirectoryEntry; number: string } => sheet.number !== undefined)
      .sort((a, b) => Number(a.number) - Number(b.number));
    for (const { entry, number } of sheets)
      yield* base._parseWorksheet.call(this, utf8(entry.stream()), number);
  }
}

interface ExcelJsParts {
  _parseRels(entry: Readable): Promise<void>;
  _parseWorkbook(entry: Readable): Promise<void>;
  _parseSharedStrings(entry: Readable): AsyncGenerator<unknown>;
  _parseStyles(entry: Readable): Promise<void>;
  _parseWorksheet(iterator: AsyncIterable<string>, sheetNo: string): Generator<unknown>;
}

/** Chunks of a part as text, a character split across two chunks decoded whole. */
async function* utf8(chunks: AsyncIterable<Buffer | string>): AsyncGenerator<string> {
  const decoder = new StringDecoder('utf8');
  for await (const chunk of chunks) yield typeof chunk === 'string' ? chunk : decoder.write(chunk);
  const rest = decoder.end();
  if (rest) yield rest;
}
