import { badInput, defineLedger, ledgerRoutes, mayPerformAction, type LedgerWriteContext } from '@county/kit';
import { chinaDay, maskPhone } from '@county/domain';
import { CentreMutations } from '../centre/centre.mutations';
import type { CreateServiceStaffInput, UpdateServiceStaffInput } from '../centre/centre.args';
import { ServiceStaff, ServiceWindow } from '../centre/roster.entities';
import { permissions } from '../permissions';
import {
  asGraphQLDates,
  assertMayExport,
  bureauOnly,
  countyOf,
  dateCell,
  NO,
  YES,
  yesNo,
} from './ledger-cells';
import { centreColumn, centreNames, isUuid, type CountyParams } from './service-centres';

interface Params extends CountyParams {
  /** The caller may read phones in full (`personal-data.read`); otherwise the sheet shows them masked. */
  seesPhones: boolean;
}

interface Lookups {
  seesPhones: boolean;
  centres: Map<string, string[]>;
  centreName: Map<string, string>;
  windowNumber: Map<string, string>;
  staffName: Map<string, string>;
}

const mutations = new CentreMutations();
const DATES = ['joinedOn', 'leftOn'];

/** The window a row names by its number, at the staff member's centre. */
async function windowOf(centreId: string, number: unknown, write: LedgerWriteContext<Params, Lookups>) {
  if (number === undefined || number === null) return number;
  const window = await write.em.findOne(ServiceWindow, { centreId, number: number as string });
  if (!window) throw badInput('input.windowId', 'exists', `the centre has no window ${String(number)}`);
  return window.id;
}

/** The colleague a row names as B岗: one on the centre's roster (an earlier row may have added them). */
async function backupOf(centreId: string, name: unknown, write: LedgerWriteContext<Params, Lookups>) {
  if (name === undefined || name === null) return name;
  const found = await write.em.find(ServiceStaff, { centreId, name: name as string, active: true });
  if (found.length === 1) return found[0].id;
  throw badInput(
    'input.backupStaffId',
    found.length ? 'unique' : 'exists',
    found.length
      ? `${String(name)} names ${found.length} colleagues at this centre`
      : `nobody called ${String(name)} is on this centre's roster`,
  );
}

/** 工作人员台账 — the staff of the county's centres, their posts and windows, and who backs whom (B岗). */
export const staffLedger = defineLedger<ServiceStaff, Params, Lookups>({
  sheet: ({ region }) => `${region}窗口工作人员`,
  key: { header: '人员编号', width: 38, of: (s) => s.id, assigned: 'system' },
  version: { header: '版本', of: (s) => s.version },
  columns: [
    centreColumn<ServiceStaff, Lookups>(),
    { header: '姓名', width: 10, field: 'name', value: (s) => s.name },
    {
      // personal data: masked unless the caller sees it; a masked cell left as exported keeps the number
      header: '联系电话',
      width: 16,
      field: 'phone',
      optional: true,
      value: (s) => s.phone,
      format: (s, l) => (s.phone && !l.seesPhones ? maskPhone(s.phone) : (s.phone ?? '')),
    },
    { header: '岗位(A岗)', width: 16, field: 'post', value: (s) => s.post },
    {
      header: '窗口号',
      width: 10,
      field: 'windowNumber',
      inputs: ['windowId'],
      optional: true,
      value: (s, l) => (s.windowId ? l.windowNumber.get(s.windowId) : null),
    },
    {
      header: '备岗人员(B岗)',
      width: 12,
      field: 'backupName',
      inputs: ['backupStaffId'],
      optional: true,
      value: (s, l) => (s.backupStaffId ? l.staffName.get(s.backupStaffId) : null),
    },
    {
      header: '在岗',
      width: 6,
      field: 'active',
      value: (s) => s.active,
      whenEmpty: () => true,
      format: (s) => (s.active ? YES : NO),
      parse: yesNo,
    },
    // empty on a new row: joined today
    {
      header: '入职日期',
      width: 12,
      field: 'joinedOn',
      optional: true,
      value: (s) => s.joinedOn,
      parse: dateCell,
    },
    // a date here: left the centre that day (在岗 follows it)
    {
      header: '离岗日期',
      width: 12,
      field: 'leftOn',
      optional: true,
      value: (s) => s.leftOn,
      parse: dateCell,
    },
  ],
  async lookups(_purpose, records, { em, params }) {
    const { ids, names } = await centreNames(em, params.region);
    const centreIds = [...new Set(records.map((s) => s.centreId))];
    const [windows, staff] = await Promise.all([
      em.find(ServiceWindow, { centreId: centreIds }),
      em.find(ServiceStaff, { centreId: centreIds }, { fields: ['name'] }),
    ]);
    return {
      seesPhones: params.seesPhones,
      centres: ids,
      centreName: names,
      windowNumber: new Map(windows.map((w) => [w.id, w.number])),
      staffName: new Map(staff.map((s) => [s.id, s.name])),
    };
  },
  async records({ em, params }) {
    const { names } = await centreNames(em, params.region);
    const staff = await em.find(
      ServiceStaff,
      { centreId: [...names.keys()] },
      { orderBy: { name: 'asc', id: 'asc' } },
    );
    const order = [...names.keys()];
    return staff.sort((a, b) => order.indexOf(a.centreId) - order.indexOf(b.centreId));
  },
  async find(ids, { em, params }) {
    const { names } = await centreNames(em, params.region);
    return em.find(ServiceStaff, { id: ids.filter(isUuid), centreId: [...names.keys()] });
  },
  async create(fields, write) {
    const { windowNumber, backupName, active, leftOn, ...staff } = fields;
    if (leftOn)
      throw badInput(
        'input.leftOn',
        'on-roster',
        'a new member is on the roster: add them, then give the day they left',
      );
    if (active === false)
      throw badInput(
        'input.active',
        'on-roster',
        'a new member is on the roster: add them, then mark them as left',
      );
    const centreId = staff.centreId as string;
    const input = {
      ...asGraphQLDates(staff, DATES),
      windowId: await windowOf(centreId, windowNumber, write),
      backupStaffId: await backupOf(centreId, backupName, write),
    };
    await mutations.createServiceStaff(input as unknown as CreateServiceStaffInput, write);
  },
  async update(member, changes, version, write) {
    const { windowNumber, backupName, ...rest } = changes;
    const input = {
      ...asGraphQLDates(rest, DATES),
      ...('windowNumber' in changes
        ? { windowId: await windowOf(member.centreId, windowNumber, write) }
        : {}),
      ...('backupName' in changes
        ? { backupStaffId: await backupOf(member.centreId, backupName, write) }
        : {}),
      version: version ?? member.version,
    };
    await mutations.updateServiceStaff(member.id, input as unknown as UpdateServiceStaffInput, write);
  },
});

/**
 * GET /files/staff.xlsx?region=<county>: phones in full only for a caller who may read them
 * (`personal-data.read`), masked otherwise. POST the edited file back (the county's bureau, as
 * createServiceStaff / updateServiceStaff): an empty 人员编号 adds a member; a masked phone left as
 * exported keeps the stored number; all rows or none.
 */
export const staffLedgerRoutes = (() => {
  const paramsOf = ({
    identity,
    query,
  }: Parameters<typeof assertMayExport>[0] & { query: URLSearchParams }) => ({
    region: countyOf(query),
    seesPhones: mayPerformAction({ identity }, permissions, 'personal-data.read'),
  });
  const [exportRoute, importRoute] = ledgerRoutes(staffLedger, {
    path: 'staff.xlsx',
    filename: ({ region }) => `窗口工作人员台账-${region}-${chinaDay()}.xlsx`,
    exportParams(request) {
      assertMayExport(request);
      return paramsOf(request);
    },
    importParams: paramsOf,
  });
  return [exportRoute, bureauOnly(importRoute, 'centre.manage')];
})();
