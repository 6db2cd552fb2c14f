import { assertPerformAction, badInput, ledgerRoutes } from '@county/kit';
import { chinaDay } from '@county/domain';
import { permissions } from '../permissions';
import { exportRequestRule, importRequestRule, parseLedgerRequest } from './ledger.request';
import { taskLedger } from './task-ledger';

/** An import names the region whose ledger it is: units and leaders are looked up there, never in a default one. */
export function requireRegion(region: string | null | undefined): string {
  if (!region)
    throw badInput(
      'region',
      'required',
      'name the county (or township) whose ledger this is, e.g. region=330281',
    );
  return region;
}

/**
 * GET /files/ledger.xlsx?year=2019[&asOf=2019-09-30]: the year's ledger (挂图作战台账) with progress and
 * lagging, its task code as the key and its version. POST the edited file to /files/ledger.xlsx?year=2019
 * &region=<code> (role reform-office): changed rows update their task, new codes add tasks, equal rows are
 * left alone, nothing is deleted; all rows or none, each rejected cell named. A large ledger is a job (202,
 * then GET /files/import-jobs?id=…).
 */
export const [ledgerExportRoute, ledgerImportRoute] = ledgerRoutes(taskLedger, {
  path: 'ledger.xlsx',
  filename: ({ year }) => `改革任务台账-${year}.xlsx`,
  exportParams({ identity, query }) {
    assertPerformAction({ identity }, permissions, 'ledger.export');
    const request = parseLedgerRequest(exportRequestRule, {
      year: query.get('year') ?? undefined,
      asOf: query.get('asOf') ?? undefined,
    });
    return { year: request.year, asOf: request.asOf ?? chinaDay() };
  },
  importParams({ identity, query }) {
    assertPerformAction({ identity }, permissions, 'ledger.import');
    return parseLedgerRequest(importRequestRule, {
      year: query.get('year') ?? undefined,
      region: requireRegion(query.get('region')),
    });
  },
});
