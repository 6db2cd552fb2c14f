import {
  badInput,
  cellList,
  cellRefused,
  cellText,
  defineLedger,
  labelledCell,
  type LedgerReadContext,
  ledgerRoutes,
  oneNamed,
} from '@county/kit';
import { chinaDay, isRegionCode } from '@county/domain';
import { ServiceItem } from '../item/item.entity';
import { ItemMutations } from '../item/item.mutations';
import type {
  CreateServiceItemInput,
  RetireServiceItemInput,
  UpdateServiceItemInput,
} from '../item/item.args';
import { ItemKind, ProcessingKind, ServiceLevel, VisitRequirement } from '../vocabulary';
import {
  asGraphQLDates,
  assertMayExport,
  bureauOnly,
  countyOf,
  dateCell,
  NO,
  organizationsByName,
  wholeNumber,
  YES,
  yesNo,
} from './ledger-cells';

const KIND: Record<ItemKind, string> = {
  ADMINISTRATIVE_PERMIT: '行政许可',
  ADMINISTRATIVE_CONFIRMATION: '行政确认',
  ADMINISTRATIVE_PAYMENT: '行政给付',
  ADMINISTRATIVE_RULING: '行政裁决',
  PUBLIC_SERVICE: '公共服务',
  OTHER_POWER: '其他行政权力',
};
const LEVEL: Record<ServiceLevel, string> = { COUNTY: '县级', TOWNSHIP: '乡镇', VILLAGE: '村(社区)' };
const PROCESSING: Record<ProcessingKind, string> = { ON_THE_SPOT: '即办件', PROMISED: '承诺件' };
const VISITS: Record<VisitRequirement, string> = {
  FULLY_ONLINE: '全程网办',
  NO_VISIT: '不见面审批',
  ONE_VISIT: '见一次面',
};

interface Params {
  /** The county whose catalogue (实施清单) this is. */
  region: string;
}

interface Lookups {
  names: Map<string, string>;
  unit: Map<string, string[]>;
}

/** The GraphQL write paths: a row is written exactly as createServiceItem / updateServiceItem / retire… */
const mutations = new ItemMutations();
const DATES = ['effectiveFrom', 'retiredFrom'];

async function lookups(
  purpose: 'export' | 'import',
  records: ServiceItem[],
  { directory, params, remember }: LedgerReadContext<Params>,
): Promise<Lookups> {
  const names = await directory.names({ organizations: records.map((i) => i.responsibleOrganizationId) });
  if (purpose === 'export') return { names, unit: new Map() };
  const unit = await organizationsByName(directory, params.region);
  remember?.('Organization', [...unit.values()].flat());
  return { names, unit };
}

const flag = (header: string, field: 'onlineCapable' | 'highFrequency' | 'delegated') => ({
  header,
  width: 8,
  field,
  value: (i: ServiceItem) => i[field],
  format: (i: ServiceItem) => (i[field] ? YES : NO),
  parse: yesNo,
});

const days = (header: string, field: 'statutoryLimit' | 'committedLimit' | 'maxVisits') => ({
  header,
  width: 10,
  field,
  value: (i: ServiceItem) => i[field],
  parse: wholeNumber,
});

const optionalDays = (header: string, field: 'targetDays' | 'maxExtensionDays') => ({
  header,
  width: 10,
  field,
  optional: true,
  value: (i: ServiceItem) => i[field],
  parse: wholeNumber,
});

/** 事项目录 — a county's catalogue of service items, one row per item at its newest version. */
export const itemCatalogue = defineLedger<ServiceItem, Params, Lookups>({
  sheet: ({ region }) => `${region}政务服务事项目录`,
  key: { header: '实施编码', width: 28, of: (i) => i.code, assigned: 'sheet', field: 'code' },
  version: { header: '版本', of: (i) => i.version },
  columns: [
    { header: '事项名称', width: 40, field: 'name', value: (i) => i.name },
    {
      header: '事项类型',
      width: 12,
      field: 'kind',
      value: (i) => i.kind,
      format: (i) => KIND[i.kind],
      parse: (cell) => labelledCell(KIND, cell),
    },
    {
      header: '实施主体',
      width: 30,
      field: 'responsibleOrganizationId',
      value: (i) => i.responsibleOrganizationId,
      format: (i, l) => l.names.get(i.responsibleOrganizationId) ?? i.responsibleOrganizationId,
      parse: (cell, l) => oneNamed(l.unit, cellText(cell), 'unit', 'credit code'),
    },
    {
      header: '可办层级',
      width: 18,
      field: 'levels',
      value: (i) => i.levels,
      format: (i) => i.levels.map((level) => LEVEL[level]).join('、'),
      parse: (cell) => cellList(cellText(cell)).map((part) => labelledCell(LEVEL, part)),
    },
    days('法定时限(工作日)', 'statutoryLimit'),
    days('承诺时限(工作日)', 'committedLimit'),
    {
      header: '办件类型',
      width: 10,
      field: 'processing',
      value: (i) => i.processing,
      format: (i) => PROCESSING[i.processing],
      parse: (cell) => labelledCell(PROCESSING, cell),
    },
    {
      header: '跑动类型',
      width: 12,
      field: 'visitRequirement',
      value: (i) => i.visitRequirement,
      format: (i) => VISITS[i.visitRequirement],
      parse: (cell) => labelledCell(VISITS, cell),
    },
    days('最多跑动次数', 'maxVisits'),
    flag('可网办', 'onlineCapable'),
    flag('高频事项', 'highFrequency'),
    flag('下放乡镇', 'delegated'),
    {
      header: '跨域通办',
      width: 20,
      field: 'crossRegionPartners',
      value: (i) => i.crossRegionPartners,
      whenEmpty: () => [],
      format: (i) => i.crossRegionPartners.join('、'),
      parse: (cell) => {
        const codes = cellList(cellText(cell));
        const bad = codes.find((code) => !isRegionCode(code));
        if (bad) throw cellRefused('format', `${bad} is not a division code`);
        return codes;
      },
    },
    optionalDays('目标时限(工作日)', 'targetDays'),
    optionalDays('法定延期上限(工作日)', 'maxExtensionDays'),
    // a changed row takes effect from this day (a new version): received cases keep theirs
    {
      header: '生效日期',
      width: 12,
      field: 'effectiveFrom',
      optional: true,
      value: (i) => i.effectiveFrom,
      parse: dateCell,
    },
    // 事项取消: a date here retires the item from that day (retireServiceItem)
    {
      header: '取消日期',
      width: 12,
      field: 'retiredFrom',
      optional: true,
      value: (i) => i.retiredFrom,
      parse: dateCell,
    },
  ],
  lookups,
  records: ({ em, params }) =>
    em.find(ServiceItem, { regionCode: params.region }, { orderBy: { code: 'asc' } }),
  // a code of another county is not this catalogue's: adding it is refused as a duplicate code
  find: (codes, { em, params }) => em.find(ServiceItem, { code: codes, regionCode: params.region }),
  async create(fields, write) {
    const { retiredFrom, ...item } = fields;
    const input = { ...asGraphQLDates(item, DATES), regionCode: write.params.region };
    const created = await mutations.createServiceItem(input as unknown as CreateServiceItemInput, write);
    if (retiredFrom) await retire(created, retiredFrom as string, write);
  },
  async update(item, changes, version, write) {
    const { retiredFrom, effectiveFrom, ...attributes } = changes;
    let current = { id: item.id, version: version ?? item.version };
    if (Object.keys(attributes).length) {
      const input = {
        ...asGraphQLDates({ ...attributes, effectiveFrom: effectiveFrom ?? item.effectiveFrom }, DATES),
        version: current.version,
      };
      current = await mutations.updateServiceItem(item.id, input as unknown as UpdateServiceItemInput, write);
    } else if (effectiveFrom !== undefined)
      throw badInput(
        'input.effectiveFrom',
        'with-change',
        'a new 生效日期 starts a new version: change the columns it changes, or leave the date as it was',
      );
    if (retiredFrom === null)
      throw badInput(
        'input.retiredFrom',
        'not-undone',
        'a retired item is not brought back by clearing the date',
      );
    if (retiredFrom !== undefined) await retire(current, retiredFrom as string, write);
  },
});

/** 事项取消 through retireServiceItem, at the version the row's earlier write (if any) left. */
async function retire(
  item: { id: string; version: number },
  retiredFrom: string,
  write: Parameters<typeof mutations.retireServiceItem>[2],
) {
  const input = { version: item.version, retiredFrom: new Date(`${retiredFrom}T00:00:00Z`) };
  await mutations.retireServiceItem(item.id, input as unknown as RetireServiceItemInput, write);
}

/**
 * GET /files/item-catalogue.xlsx?region=<county>: the county's catalogue, one row per item at its newest
 * version. POST the edited file to the same path (the county's bureau, as createServiceItem /
 * updateServiceItem / retireServiceItem): a new 实施编码 adds an item, a changed row makes a new version from
 * its 生效日期, a 取消日期 retires it; all rows or none.
 */
export const itemCatalogueRoutes = (() => {
  const [exportRoute, importRoute] = ledgerRoutes(itemCatalogue, {
    path: 'item-catalogue.xlsx',
    filename: ({ region }) => `政务服务事项目录-${region}-${chinaDay()}.xlsx`,
    exportParams(request) {
      assertMayExport(request);
      return { region: countyOf(request.query) };
    },
    importParams: ({ query }) => ({ region: countyOf(query) }),
  });
  return [exportRoute, bureauOnly(importRoute, 'item.update')];
})();
