import { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import { Parse } from 'unzipper';
import { badInput } from '../errors';

/** A workbook has a dozen parts; thousands are a way to make the reader work, not a ledger. */
const MAX_ENTRIES = 1000;
const WORKBOOK_PART = 'xl/workbook.xml';
/**
 * The parts exceljs reads as a whole before the sheets it spooled to temporary files: checked to be
 * well-formed XML here, so its walk never stops on them half-way, leaving those files behind.
 */
const WHOLE_PARTS = new Set([
  WORKBOOK_PART,
  'xl/_rels/workbook.xml.rels',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
]);

/**
 * Walks the upload's zip with the parser exceljs's streaming reader uses (so both see the same parts, even
 * in a zip whose headers lie), inflating every part and counting what comes out: a decompression bomb is
 * refused as soon as the count passes the limit, long before it is all unpacked, and nothing is kept.
 */
export async function checkArchive(file: Buffer, maxUnpackedBytes: number): Promise<void> {
  const source = Readable.from([file]);
  const zip = Parse({ forceStream: true });
  source.pipe(zip);
  let unpacked = 0;
  let entries = 0;
  let workbook = false;
  try {
    for await (const entry of zip) {
      if (++entries > MAX_ENTRIES)
        throw badInput('file', 'parts', `the workbook has more than ${MAX_ENTRIES} parts`);
      if (entry.path === WORKBOOK_PART) workbook = true;
      // the declared size alone refuses an honest bomb without inflating it
      if (unpacked + entry.vars.uncompressedSize > maxUnpackedBytes) throw tooLarge(maxUnpackedBytes);
      const xml = WHOLE_PARTS.has(entry.path) ? wellFormed() : null;
      for await (const chunk of entry) {
        unpacked += (chunk as Buffer).length;
        if (unpacked > maxUnpackedBytes) throw tooLarge(maxUnpackedBytes);
        xml?.write(chunk as Buffer);
      }
      xml?.close();
    }
  } catch (error) {
    if (isBadInput(error)) throw error;
    throw notXlsx();
  } finally {
    source.destroy();
    zip.destroy();
  }
  if (!workbook) throw notXlsx();
}

/** A streaming well-formedness check (saxes, the XML parser exceljs uses): throws on the first fault. */
function wellFormed() {
  const parser = new SaxesParser();
  const decoder = new StringDecoder('utf8');
  return {
    write: (chunk: Buffer) => parser.write(decoder.write(chunk)),
    close: () => parser.write(decoder.end()).close(),
  };
}

export const notXlsx = () => badInput('file', 'xlsx', 'is not an .xlsx workbook');

const tooLarge = (max: number) =>
  badInput('file', 'max-unpacked-size', `unpacks to more than ${max} bytes (IMPORT_MAX_UNPACKED_BYTES)`);

const isBadInput = (error: unknown) =>
  (error as { extensions?: { code?: unknown } })?.extensions?.code === 'BAD_USER_INPUT';
