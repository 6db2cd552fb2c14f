import { XLSX_CONTENT_TYPE, type FileRequest, type FileRoute } from '../files';
import { importRoute } from '../imports/import-route';
import type { Ledger } from './ledger';
import { writeLedger } from './ledger-export';
import { importLedger } from './ledger-import';

type Head = Omit<FileRequest, 'body' | 'accepted'>;

export interface LedgerRouteOptions<P> {
  /** The file route, e.g. `ledger.xlsx`: GET exports, POST imports. */
  path: string;
  /** The download's file name. */
  filename(params: P): string;
  /** Checks the caller (assertPerformAction) and the query of a download; returns the parameters. */
  exportParams(request: Head): P;
  /** The same for an upload, checked before the file is read. */
  importParams(request: Head): P;
}

/**
 * GET and POST /files/<path> for one ledger: the export, and the import as the kit's import route (limits,
 * 202 jobs, Idempotency-Key) answering `{ imported, created, updated, unchanged, rejected: [] }` or
 * BAD_USER_INPUT (field `file`, rule `rows`) listing each rejected cell.
 */
export function ledgerRoutes<R, P, L>(ledger: Ledger<R, P, L>, options: LedgerRouteOptions<P>): FileRoute[] {
  return [
    {
      method: 'GET',
      path: options.path,
      async handle(request) {
        const params = options.exportParams(request);
        const context = { em: request.em, directory: request.directory, params };
        const file = await writeLedger(ledger, await ledger.records(context), context);
        return { file, filename: options.filename(params), contentType: XLSX_CONTENT_TYPE };
      },
    },
    importRoute<P>({
      path: options.path,
      accept: (request) => options.importParams(request),
      run: (sheet, params, context) => importLedger(ledger, sheet, params, context),
    }),
  ];
}
