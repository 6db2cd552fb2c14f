// unzipper ships no types; this is the part of its central-directory reader the kit uses.
declare module 'unzipper' {
  import type { PassThrough } from 'node:stream';

  export interface DirectoryEntry {
    path: string;
    type: 'File' | 'Directory';
    compressedSize: number;
    uncompressedSize: number;
    /** The part, inflated as it is read: nothing is unpacked before it is consumed. */
    stream(): PassThrough;
  }

  export const Open: {
    buffer(file: Buffer): Promise<{ files: DirectoryEntry[] }>;
  };
}
