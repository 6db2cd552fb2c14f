export {
  defineLedger,
  cellRefused,
  CellRefusal,
  type Ledger,
  type LedgerColumn,
  type LedgerKey,
  type LedgerReadContext,
  type LedgerWriteContext,
  type LedgerImportSummary,
  type RejectedCell,
} from './ledger';
export { writeLedger } from './ledger-export';
export { importLedger } from './ledger-import';
export { ledgerRoutes, type LedgerRouteOptions } from './ledger-routes';
export { rememberingDirectory } from './remembering-directory';
export { addNamed, cellList, isUuid, labelledCell, ledgerRegion, oneNamed, type NamedIds } from './cells';
