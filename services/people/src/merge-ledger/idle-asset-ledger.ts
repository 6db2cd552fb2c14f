import type { CellValue } from 'exceljs';
import {
  assertPerformAction,
  assertSignedIn,
  cellDate,
  cellRefused,
  cellText,
  defineLedger,
  type FileRoute,
  isUuid,
  labelledCell,
  type LedgerReadContext,
  ledgerRegion,
  ledgerRoutes,
} from '@county/kit';
import { chinaDay } from '@county/domain';
import { permissions } from '../permissions';
import { Region } from '../region/region.entity';
import { regionPattern } from '../workforce/region-filter';
import { IdleAsset } from './idle-asset.entity';
import { MergeLedgerMutations } from './merge-ledger.mutation';
import type { RecordIdleAssetInput, UpdateIdleAssetInput } from './merge-ledger.args';
import { DisposalMethod, IdleAssetKind } from './vocabulary';

const SHEET = '闲置资产台账';

export const IDLE_ASSET_KIND_LABEL: Record<IdleAssetKind, string> = {
  STATION: '五站五所',
  OFFICE_BUILDING: '党政办公用房',
  ANCILLARY_BUILDING: '附属房屋',
  SCHOOL_BUILDING: '闲置校舍',
  LAND: '土地',
  OTHER: '其他',
};

export const DISPOSAL_LABEL: Record<DisposalMethod, string> = {
  REUSE: '调剂使用',
  LEASE: '出租',
  AUCTION: '公开拍卖',
  TRANSFER: '划转',
};

interface Params {
  region: string;
}

interface Lookups {
  names: Map<string, string>;
}

const mutations = new MergeLedgerMutations();

function amount(cell: CellValue): number {
  const text = cellText(cell).replace(/,/g, '');
  if (!/^\d{1,13}(\.\d{1,2})?$/.test(text))
    throw cellRefused('number', `${text} is not an amount (digits, at most 2 decimals)`);
  return Number(text);
}

export const idleAssetLedger = defineLedger<IdleAsset, Params, Lookups>({
  sheet: () => SHEET,
  key: { header: '资产编号', width: 38, of: (a) => a.id, assigned: 'system' },
  version: { header: '版本', of: (a) => a.version },
  columns: [
    {
      header: '原区划代码',
      width: 14,
      field: 'predecessorCode',
      updatable: false,
      value: (a) => a.predecessorCode,
    },
    { header: '原区划', width: 12, format: (a, l) => l.names.get(a.predecessorCode) ?? '' },
    {
      header: '现区划代码',
      width: 14,
      field: 'successorCode',
      updatable: false,
      value: (a) => a.successorCode,
    },
    {
      header: '资产类别',
      width: 14,
      field: 'kind',
      value: (a) => a.kind,
      format: (a) => IDLE_ASSET_KIND_LABEL[a.kind],
      parse: (cell) => labelledCell(IDLE_ASSET_KIND_LABEL, cell),
    },
    { header: '资产名称', width: 30, field: 'name', value: (a) => a.name },
    { header: '面积（平方米）', width: 12, field: 'area', value: (a) => a.area, parse: amount },
    { header: '账面价值（元）', width: 14, field: 'bookValue', value: (a) => a.bookValue, parse: amount },
    {
      header: '处置方式',
      width: 10,
      field: 'disposal',
      optional: true,
      value: (a) => a.disposal,
      format: (a) => (a.disposal ? DISPOSAL_LABEL[a.disposal] : ''),
      parse: (cell) => labelledCell(DISPOSAL_LABEL, cell),
    },
    {
      header: '处置日期',
      width: 12,
      field: 'disposedOn',
      optional: true,
      value: (a) => a.disposedOn,
      parse: (cell) => {
        const date = cellDate(cell);
        if (!date) throw cellRefused('date', `${cellText(cell)} is not a date (YYYY-MM-DD)`);
        return date;
      },
    },
    {
      header: '处置收入（元）',
      width: 14,
      field: 'proceeds',
      optional: true,
      value: (a) => a.proceeds,
      parse: amount,
    },
    { header: '承接方/新用途', width: 24, field: 'disposedTo', optional: true, value: (a) => a.disposedTo },
  ],
  async lookups(_purpose, records, { em }) {
    const codes = [...new Set(records.map((a) => a.predecessorCode))];
    const regions = codes.length ? await em.find(Region, { code: codes }, { fields: ['code', 'name'] }) : [];
    return { names: new Map(regions.map((r) => [r.code, r.name])) };
  },
  records: ({ em, params }: LedgerReadContext<Params>) => {
    const pattern = regionPattern(params.region);
    return em
      .createQueryBuilder(IdleAsset, 'a')
      .where('(a.successor_code like ? or a.predecessor_code like ?)', [pattern, pattern])
      .orderBy({ successorCode: 'asc', predecessorCode: 'asc', kind: 'asc', name: 'asc' })
      .getResultList();
  },
  find: (ids, { em }) => em.find(IdleAsset, { id: ids.filter(isUuid) }),
  async create(fields, write) {
    await mutations.recordIdleAsset(fields as unknown as RecordIdleAssetInput, write);
  },
  async update(asset, changes, version, write) {
    const input = changes as UpdateIdleAssetInput;
    await mutations.updateIdleAsset(asset.id, version ?? asset.version, input, write);
  },
});

/**
 * GET /files/people/idle-assets.xlsx?region=<code>: the idle assets (闲置资产台账) merges left in the region;
 * POST it back with the same `region` (hr, or the township covering it): a changed row records a disposal
 * through updateIdleAsset, a row with an empty 资产编号 adds an asset through recordIdleAsset.
 */
export const idleAssetLedgerRoutes: FileRoute[] = ledgerRoutes(idleAssetLedger, {
  path: 'idle-assets.xlsx',
  filename: ({ region }) => `${SHEET}-${region}-${chinaDay()}.xlsx`,
  exportParams({ identity, query }) {
    assertSignedIn({ identity });
    return { region: ledgerRegion(query) };
  },
  importParams({ identity, query }) {
    const region = ledgerRegion(query);
    assertPerformAction({ identity }, permissions, 'merge-ledger.write', { regionCode: region });
    return { region };
  },
});
