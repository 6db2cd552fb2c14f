import {
  addNamed,
  cellRefused,
  cellText,
  defineLedger,
  type LedgerReadContext,
  ledgerRoutes,
  oneNamed,
} from '@county/kit';
import { chinaDay } from '@county/domain';
import type { EntityManager } from '@mikro-orm/postgresql';
import { ServiceCentre } from '../centre/centre.entity';
import { CentreMutations } from '../centre/centre.mutations';
import type { CreateServiceCentreInput, UpdateServiceCentreInput } from '../centre/centre.args';
import { ServiceLevel } from '../vocabulary';
import { assertMayExport, bureauOnly, countyOf, organizationsByName } from './ledger-cells';

export const CENTRE_LEVEL: Record<ServiceLevel, string> = {
  COUNTY: '县级政务服务中心',
  TOWNSHIP: '乡镇(街道)便民服务中心',
  VILLAGE: '村(社区)便民服务室',
};

/** The county whose centres, windows or staff a ledger lists. */
export interface CountyParams {
  region: string;
}

/** The county's centres (its own and those of its townships and villages), in the ledgers' order. */
export const centresOfCounty = (em: EntityManager, region: string) =>
  em.find(
    ServiceCentre,
    { regionCode: { $like: `${region}%` } },
    { orderBy: { regionCode: 'asc', name: 'asc' } },
  );

/** Centre ids by name, and names by id: the windows and staff ledgers name their centre. */
export async function centreNames(em: EntityManager, region: string) {
  const centres = await centresOfCounty(em, region);
  const ids = new Map<string, string[]>();
  for (const c of centres) addNamed(ids, c.name, c.id);
  return { ids, names: new Map(centres.map((c) => [c.id, c.name])) };
}

/** A sheet's 所属中心 cell: one centre of the county by its name. */
export const centreColumn = <
  R extends { centreId: string },
  L extends { centres: Map<string, string[]>; centreName: Map<string, string> },
>() => ({
  header: '所属中心',
  width: 28,
  field: 'centreId',
  updatable: false,
  value: (r: R) => r.centreId,
  format: (r: R, l: L) => l.centreName.get(r.centreId) ?? r.centreId,
  parse: (cell: Parameters<typeof cellText>[0], l: L) =>
    oneNamed(l.centres, cellText(cell), 'centre', 'credit code'),
});

interface Lookups {
  region: string;
  names: Map<string, string>;
  unit: Map<string, string[]>;
}

const mutations = new CentreMutations();

async function lookups(
  purpose: 'export' | 'import',
  records: ServiceCentre[],
  { directory, params, remember }: LedgerReadContext<CountyParams>,
): Promise<Lookups> {
  const names = await directory.names({ organizations: records.map((c) => c.organizationId) });
  if (purpose === 'export') return { region: params.region, names, unit: new Map() };
  const unit = await organizationsByName(directory, params.region);
  remember?.('Organization', [...unit.values()].flat());
  return { region: params.region, names, unit };
}

/** 服务中心台账 — the county's centres: its county centre, township centres and village rooms. */
export const centreLedger = defineLedger<ServiceCentre, CountyParams, Lookups>({
  sheet: ({ region }) => `${region}政务服务中心`,
  key: { header: '中心编号', width: 38, of: (c) => c.id, assigned: 'system' },
  version: { header: '版本', of: (c) => c.version },
  columns: [
    { header: '中心名称', width: 30, field: 'name', value: (c) => c.name },
    {
      header: '所在区划',
      width: 14,
      field: 'regionCode',
      updatable: false,
      value: (c) => c.regionCode,
      parse: (cell, l) => {
        const code = cellText(cell);
        if (!/^\d{6}(\d{3}){0,2}$/.test(code) || !code.startsWith(l.region))
          throw cellRefused('within', `must be a county, township or village code within ${l.region}`);
        return code;
      },
    },
    { header: '层级', width: 20, format: (c) => CENTRE_LEVEL[c.level] },
    {
      header: '运行单位',
      width: 30,
      field: 'organizationId',
      value: (c) => c.organizationId,
      format: (c, l) => l.names.get(c.organizationId) ?? c.organizationId,
      parse: (cell, l) => oneNamed(l.unit, cellText(cell), 'unit', 'credit code'),
    },
  ],
  lookups,
  records: ({ em, params }) => centresOfCounty(em, params.region),
  find: (ids, { em, params }) =>
    em.find(ServiceCentre, { id: ids.filter(isUuid), regionCode: { $like: `${params.region}%` } }),
  async create(fields, write) {
    await mutations.createServiceCentre(fields as unknown as CreateServiceCentreInput, write);
  },
  async update(centre, changes, version, write) {
    const input = { ...changes, version: version ?? centre.version };
    await mutations.updateServiceCentre(centre.id, input as unknown as UpdateServiceCentreInput, write);
  },
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** A key the export did not write is unknown (not a database error). */
export const isUuid = (id: string) => UUID.test(id);

/**
 * GET /files/centres.xlsx?region=<county>; POST the edited file back (the county's bureau, as
 * createServiceCentre / updateServiceCentre): an empty 中心编号 adds a centre; all rows or none.
 */
export const centreLedgerRoutes = (() => {
  const [exportRoute, importRoute] = ledgerRoutes(centreLedger, {
    path: 'centres.xlsx',
    filename: ({ region }) => `服务中心台账-${region}-${chinaDay()}.xlsx`,
    exportParams(request) {
      assertMayExport(request);
      return { region: countyOf(request.query) };
    },
    importParams: ({ query }) => ({ region: countyOf(query) }),
  });
  return [exportRoute, bureauOnly(importRoute, 'centre.manage')];
})();
