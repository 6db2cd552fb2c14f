import type { CellValue } from 'exceljs';
import { cellRefused, cellText, givenValues, labelledCell } from '@county/kit';
import { IdleAsset } from './idle-asset.entity';
import { MergeLedgerMutations } from './merge-ledger.mutation';
import type { RecordIdleAssetInput, UpdateIdleAssetInput } from './merge-ledger.args';
import { dateCell, mergeLedger, mergeLedgerSheetRoutes } from './merge-ledger-sheet';
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

const mutations = new MergeLedgerMutations();

function amount(cell: CellValue): number {
  const text = cellText(cell).replace(/,/g, '');
  if (!/^\d{1,13}(\.\d{1,2})?$/.test(text))
    throw cellRefused('number', `${text} is not an amount (digits, at most 2 decimals)`);
  return Number(text);
}

export const idleAssetLedger = mergeLedger<IdleAsset>({
  sheet: SHEET,
  entity: IdleAsset,
  key: '资产编号',
  columns: [
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
      parse: dateCell,
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
  async create(fields, write) {
    await mutations.recordIdleAsset(fields as unknown as RecordIdleAssetInput, write);
  },
  async update(asset, changes, version, write) {
    // a blank cell on a kept row keeps the stored value (a spreadsheet clears nothing),
    // so a row whose only differences are blanks changes nothing
    const input = givenValues(changes) as UpdateIdleAssetInput;
    if (!Object.keys(input).length) return;
    await mutations.updateIdleAsset(asset.id, version ?? asset.version, input, write);
  },
});

/**
 * GET /files/people/idle-assets.xlsx?region=<code>: the idle assets (闲置资产台账) merges left in the region;
 * POST it back with the same `region` (hr, or the township covering it): a changed row records a disposal
 * through updateIdleAsset, a row with an empty 资产编号 adds an asset through recordIdleAsset.
 */
export const idleAssetLedgerRoutes = mergeLedgerSheetRoutes(idleAssetLedger, 'idle-assets.xlsx');
