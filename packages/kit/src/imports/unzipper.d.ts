// unzipper ships no types; this is the part of its streaming parser the kit uses (the same parser exceljs's
// streaming WorkbookReader reads uploads with).
declare module 'unzipper' {
  import type { Duplex, PassThrough } from 'node:stream';

  export interface ZipEntry extends PassThrough {
    path: string;
    type: 'File' | 'Directory';
    vars: { compressedSize: number; uncompressedSize: number };
    autodrain(): unknown;
  }

  export function Parse(options?: { forceStream?: boolean }): Duplex & AsyncIterable<ZipEntry>;
}
