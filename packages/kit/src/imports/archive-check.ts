import { StringDecoder } from 'node:string_decoder';
import { SaxesParser } from 'saxes';
import { badInput } from '../errors';
import type { DirectoryEntry } from 'unzipper';
import { HEAD_PARTS, workbookParts } from './workbook-reader';

/** A workbook has a dozen parts; thousands are a way to make the reader work, not a ledger. */
const MAX_ENTRIES = 1000;
/** The parts exceljs reads as a whole before any sheet: checked to be well-formed XML here. */
const WHOLE_PARTS = new Set<string>(HEAD_PARTS);

/**
 * Reads the upload's parts from the central directory, as the kit's workbook reader does (so both see the
 * same parts, even in a zip whose local headers lie), inflating every part and counting what comes out: a
 * decompression bomb is refused as soon as the count passes the limit, long before it is all unpacked,
 * and nothing is kept. The parts, for the reader.
 */
export async function checkArchive(file: Buffer, maxUnpackedBytes: number): Promise<DirectoryEntry[]> {
  let unpacked = 0;
  try {
    const parts = await workbookParts(file);
    if (parts.length > MAX_ENTRIES)
      throw badInput('file', 'parts', `the workbook has more than ${MAX_ENTRIES} parts`);
    if (!parts.some((part) => part.path === 'xl/workbook.xml')) throw notXlsx();
    // the declared sizes alone refuse an honest bomb without inflating it
    const declared = parts.reduce((sum, part) => sum + part.uncompressedSize, 0);
    if (declared > maxUnpackedBytes) throw tooLarge(maxUnpackedBytes);
    for (const part of parts) {
      if (part.type === 'Directory') continue;
      const xml = WHOLE_PARTS.has(part.path) ? wellFormed() : null;
      const stream = part.stream();
      try {
        for await (const chunk of stream) {
          unpacked += (chunk as Buffer).length;
          if (unpacked > maxUnpackedBytes) throw tooLarge(maxUnpackedBytes);
          xml?.write(chunk as Buffer);
        }
      } finally {
        stream.destroy();
      }
      xml?.close();
    }
    return parts;
  } catch (error) {
    if (isBadInput(error)) throw error;
    throw notXlsx();
  }
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
