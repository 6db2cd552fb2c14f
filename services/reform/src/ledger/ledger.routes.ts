import { DEMO_COUNTY_CODE } from '@county/demo-data';
import { assertPerformAction, importRoute, XLSX_CONTENT_TYPE, type FileRoute } from '@county/kit';
import { chinaDay } from '@county/domain';
import { permissions } from '../permissions';
import { exportLedger } from './ledger.export';
import { importLedger, ledgerRejected } from './ledger.import';
import { exportRequestRule, importRequestRule, parseLedgerRequest } from './ledger.request';

/** GET /files/ledger.xlsx?year=2019[&asOf=2019-09-30]: the year's ledger with progress and lagging. */
export const ledgerExportRoute: FileRoute = {
  method: 'GET',
  path: 'ledger.xlsx',
  async handle({ em, identity, directory, query }) {
    assertPerformAction({ identity }, permissions, 'ledger.export');
    const request = parseLedgerRequest(exportRequestRule, {
      year: query.get('year') ?? undefined,
      asOf: query.get('asOf') ?? undefined,
    });
    const file = await exportLedger(em, directory, request.year, request.asOf ?? chinaDay());
    return { file, filename: `改革任务台账-${request.year}.xlsx`, contentType: XLSX_CONTENT_TYPE };
  },
};

/**
 * POST /files/ledger.xlsx?year=2019[&region=990722] with the workbook as the body (role reform-office):
 * all rows or none; a refusal lists the first rejected rows (row, column, reason) and counts them all.
 * A large ledger is a job (the kit's `importRoute`: 202, then GET /files/import-jobs?id=…).
 */
export const ledgerImportRoute: FileRoute = importRoute({
  path: 'ledger.xlsx',
  accept({ identity, query }) {
    assertPerformAction({ identity }, permissions, 'ledger.import');
    return parseLedgerRequest(importRequestRule, {
      year: query.get('year') ?? undefined,
      region: query.get('region') ?? DEMO_COUNTY_CODE,
    });
  },
  async run(sheet, request, { em, directory, limits }) {
    const report = await importLedger(em, directory, {
      year: request.year,
      regionCode: request.region,
      sheet,
      maxErrors: limits.maxErrors,
    });
    if (report.rejected.total) throw ledgerRejected(report);
    return { imported: report.imported, rejected: [] };
  },
});
