import type { EntityClass, QBQueryOrderMap } from '@mikro-orm/core';
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
  type Ledger,
  type LedgerColumn,
  ledgerRegion,
  ledgerRoutes,
} from '@county/kit';
import { chinaDay } from '@county/domain';
import { permissions } from '../permissions';
import { Region } from '../region/region.entity';
import { regionPattern } from '../workforce/region-filter';

/** What every ledger of a merge keeps: the succession a record came from, its kind and its name. */
export interface MergeRecord {
  id: string;
  predecessorCode: string;
  successorCode: string;
  kind: string;
  name: string;
  version: number;
}

/** The county or township (`?region=`) whose merges a sheet lists. */
export interface MergeLedgerParams {
  region: string;
}

/** The merged-away regions' names, shown beside their codes (they no longer appear in today's lists). */
export interface RegionNames {
  names: Map<string, string>;
}

export type MergeLedger<R> = Ledger<R, MergeLedgerParams, RegionNames>;

export interface MergeLedgerSpec<R extends MergeRecord> {
  sheet: string;
  entity: EntityClass<R>;
  /** The header of the id column, e.g. 资产编号. */
  key: string;
  /** The ledger's own columns, after the succession's. */
  columns: LedgerColumn<R, RegionNames>[];
  /** The GraphQL record mutation, so the sheet meets its rules and roles. */
  create: MergeLedger<R>['create'];
  /** The GraphQL update mutation. */
  update: MergeLedger<R>['update'];
}

/** A date cell (YYYY-MM-DD, or a date Excel keeps as one). */
export function dateCell(cell: CellValue): string {
  const date = cellDate(cell);
  if (!date) throw cellRefused('date', `${cellText(cell)} is not a date (YYYY-MM-DD)`);
  return date;
}

function successionColumns<R extends MergeRecord>(): LedgerColumn<R, RegionNames>[] {
  return [
    {
      header: '原区划代码',
      width: 14,
      field: 'predecessorCode',
      updatable: false,
      value: (r) => r.predecessorCode,
    },
    { header: '原区划', width: 12, format: (r, l) => l.names.get(r.predecessorCode) ?? '' },
    {
      header: '现区划代码',
      width: 14,
      field: 'successorCode',
      updatable: false,
      value: (r) => r.successorCode,
    },
  ];
}

/**
 * A ledger of a merge as a sheet: its id, the succession (原区划代码, 原区划, 现区划代码), its own columns and
 * 版本; the records whose predecessor or successor lies in the region, by successor, predecessor, kind, name.
 */
export function mergeLedger<R extends MergeRecord>(spec: MergeLedgerSpec<R>): MergeLedger<R> {
  return defineLedger<R, MergeLedgerParams, RegionNames>({
    sheet: () => spec.sheet,
    key: { header: spec.key, width: 38, of: (r) => r.id, assigned: 'system' },
    version: { header: '版本', of: (r) => r.version },
    columns: [...successionColumns<R>(), ...spec.columns],
    async lookups(_purpose, records, { em }) {
      const codes = [...new Set(records.map((r) => r.predecessorCode))];
      const regions = codes.length
        ? await em.find(Region, { code: codes }, { fields: ['code', 'name'] })
        : [];
      return { names: new Map(regions.map((r) => [r.code, r.name])) };
    },
    records({ em, params }) {
      const pattern = regionPattern(params.region);
      const order = { successorCode: 'asc', predecessorCode: 'asc', kind: 'asc', name: 'asc' };
      return em
        .createQueryBuilder(spec.entity, 'r')
        .where('(r.successor_code like ? or r.predecessor_code like ?)', [pattern, pattern])
        .orderBy(order as QBQueryOrderMap<R>)
        .getResultList();
    },
    find: (ids, { em }) =>
      em.find<MergeRecord>(spec.entity, { id: { $in: ids.filter(isUuid) } }) as Promise<R[]>,
    create: spec.create,
    update: spec.update,
  });
}

/**
 * GET and POST /files/people/<path>?region=<code>: anyone signed in downloads; an upload needs
 * `merge-ledger.write` over the region (each row's write checks its own successor again).
 */
export function mergeLedgerSheetRoutes<R>(ledger: MergeLedger<R>, path: string): FileRoute[] {
  return ledgerRoutes(ledger, {
    path,
    filename: (params) => `${ledger.sheet(params)}-${params.region}-${chinaDay()}.xlsx`,
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
}
