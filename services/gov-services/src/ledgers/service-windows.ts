import { defineLedger, ledgerRoutes } from '@county/kit';
import { chinaDay } from '@county/domain';
import { CentreMutations } from '../centre/centre.mutations';
import type { CreateServiceWindowInput, UpdateServiceWindowInput } from '../centre/centre.args';
import { ServiceWindow } from '../centre/roster.entities';
import { assertMayExport, bureauOnly, countyOf } from './ledger-cells';
import { centreColumn, centreNames, isUuid, type CountyParams } from './service-centres';

interface Lookups {
  centres: Map<string, string[]>;
  centreName: Map<string, string>;
}

const mutations = new CentreMutations();

/** 窗口台账 — the windows of the county's centres. */
export const windowLedger = defineLedger<ServiceWindow, CountyParams, Lookups>({
  sheet: ({ region }) => `${region}服务窗口`,
  key: { header: '窗口编号', width: 38, of: (w) => w.id, assigned: 'system' },
  version: { header: '版本', of: (w) => w.version },
  columns: [
    centreColumn<ServiceWindow, Lookups>(),
    { header: '窗口号', width: 10, field: 'number', value: (w) => w.number },
    { header: '窗口名称', width: 24, field: 'name', value: (w) => w.name },
  ],
  async lookups(_purpose, _records, { em, params }) {
    const { ids, names } = await centreNames(em, params.region);
    return { centres: ids, centreName: names };
  },
  async records({ em, params }) {
    const { names } = await centreNames(em, params.region);
    const windows = await em.find(
      ServiceWindow,
      { centreId: [...names.keys()] },
      { orderBy: { number: 'asc' } },
    );
    const order = [...names.keys()];
    return windows.sort((a, b) => order.indexOf(a.centreId) - order.indexOf(b.centreId));
  },
  async find(ids, { em, params }) {
    const { names } = await centreNames(em, params.region);
    return em.find(ServiceWindow, { id: ids.filter(isUuid), centreId: [...names.keys()] });
  },
  async create(fields, write) {
    await mutations.createServiceWindow(fields as unknown as CreateServiceWindowInput, write);
  },
  async update(window, changes, version, write) {
    const input = { ...changes, version: version ?? window.version };
    await mutations.updateServiceWindow(window.id, input as unknown as UpdateServiceWindowInput, write);
  },
});

/**
 * GET /files/windows.xlsx?region=<county>; POST the edited file back (the county's bureau, as
 * createServiceWindow / updateServiceWindow): an empty 窗口编号 adds a window; all rows or none.
 */
export const windowLedgerRoutes = (() => {
  const [exportRoute, importRoute] = ledgerRoutes(windowLedger, {
    path: 'windows.xlsx',
    filename: ({ region }) => `服务窗口台账-${region}-${chinaDay()}.xlsx`,
    exportParams(request) {
      assertMayExport(request);
      return { region: countyOf(request.query) };
    },
    importParams: ({ query }) => ({ region: countyOf(query) }),
  });
  return [exportRoute, bureauOnly(importRoute, 'centre.manage')];
})();
