import { GraphQLError } from 'graphql';
import {
  badInput,
  cellList,
  cellRefused,
  cellText,
  defineLedger,
  ErrorCode,
  givenValues,
  type InputIssue,
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
  MoveServiceItemDownInput,
  RetireServiceItemInput,
  UpdateServiceItemInput,
} from '../item/item.args';
import { MovedDown, movedDownIssue } from '../item/moved-down';
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
const MOVED_DOWN: Record<MovedDown, string> = { STATIONED: '进驻', DELEGATED: '下放', OTHER: '其他' };

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
const DATES = ['effectiveFrom', 'retiredFrom', 'movedDownOn'];
const WAY_DOWN = ['movedDown', 'movedDownDocument', 'movedDownOn'] as const;
type WayDown = Pick<ServiceItem, (typeof WAY_DOWN)[number]>;
/** The rules of `movedDownIssue` that look at the item's kind or levels. */
const WAY_DOWN_RULES = new Set(['moved-down', 'stationed']);
type InputRefusal = { code?: string; field?: string; rule?: string; issues?: InputIssue[] };

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
    // 下沉方式 is not versioned: a change is recorded through moveServiceItemDown, needing no 生效日期
    {
      header: '下沉方式',
      width: 10,
      field: 'movedDown',
      optional: true,
      value: (i) => i.movedDown,
      format: (i) => (i.movedDown ? MOVED_DOWN[i.movedDown] : null),
      parse: (cell) => labelledCell(MOVED_DOWN, cell),
    },
    {
      header: '下沉文件',
      width: 30,
      field: 'movedDownDocument',
      optional: true,
      value: (i) => i.movedDownDocument,
    },
    {
      header: '下沉日期',
      width: 12,
      field: 'movedDownOn',
      optional: true,
      value: (i) => i.movedDownOn,
      parse: dateCell,
    },
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
    const created = await mutations
      .createServiceItem(input as unknown as CreateServiceItemInput, write)
      .catch(onWayDownCell);
    if (retiredFrom) await retire(created, retiredFrom as string, write);
  },
  async update(item, changes, version, write) {
    const {
      retiredFrom,
      effectiveFrom,
      movedDown: _m,
      movedDownDocument: _d,
      movedDownOn: _o,
      ...attributes
    } = changes;
    let current = { id: item.id, version: version ?? item.version };
    const movesDown = WAY_DOWN.some((field) => field in changes);
    const way = { ...pickWayDown(item), ...pickWayDown(changes as Partial<WayDown>) };
    // each write checks the item as it leaves it: the way down goes first when the item as it stands allows
    // it (进驻 turned 下放 before the item becomes a public service), else after the new version (a township
    // level added before the item is stationed there)
    const wayFirst = movesDown && movedDownIssue({ ...item, ...way }) === null;
    if (wayFirst) current = await moveDown(current, way, write);
    if (Object.keys(attributes).length) {
      const input = {
        // a blank 目标时限 or 法定延期上限 keeps the stored days, as before an update could clear them
        ...asGraphQLDates(
          { ...givenValues(attributes), effectiveFrom: effectiveFrom ?? item.effectiveFrom },
          DATES,
        ),
        version: current.version,
      };
      current = await mutations.updateServiceItem(item.id, input as unknown as UpdateServiceItemInput, write);
    } else if (effectiveFrom !== undefined)
      throw badInput(
        'input.effectiveFrom',
        'with-change',
        'a new 生效日期 starts a new version: change the columns it changes, or leave the date as it was',
      );
    if (movesDown && !wayFirst) current = await moveDown(current, way, write);
    if (retiredFrom === null)
      throw badInput(
        'input.retiredFrom',
        'not-undone',
        'a retired item is not brought back by clearing the date',
      );
    if (retiredFrom !== undefined) await retire(current, retiredFrom as string, write);
  },
});

const pickWayDown = (fields: Partial<WayDown>): Partial<WayDown> =>
  Object.fromEntries(WAY_DOWN.filter((field) => field in fields).map((field) => [field, fields[field]]));

/** 事项下沉 through moveServiceItemDown, at the version the row's earlier write (if any) left. */
async function moveDown(
  item: { id: string; version: number },
  way: Partial<WayDown>,
  write: Parameters<typeof mutations.moveServiceItemDown>[2],
) {
  const input = { ...asGraphQLDates(way, DATES), version: item.version };
  return mutations
    .moveServiceItemDown(item.id, input as unknown as MoveServiceItemDownInput, write)
    .catch(onWayDownCell);
}

/**
 * A 下沉 rule the write refuses on the item's kind or levels (e.g. 进驻 on a public service) is placed on the
 * 下沉方式 cell, the one the clerk wrote; the GraphQL mutation names the field the rule looks at.
 */
function onWayDownCell(error: unknown): never {
  const ext: InputRefusal = error instanceof GraphQLError ? error.extensions : {};
  if (ext.code !== ErrorCode.BAD_USER_INPUT || !ext.field || !ext.rule) throw error;
  const cell = (field: string, rule: string) =>
    WAY_DOWN_RULES.has(rule) && /^input\.(kind|levels)$/.test(field) ? 'input.movedDown' : field;
  throw badInput(
    cell(ext.field, ext.rule),
    ext.rule,
    (error as GraphQLError).message.replace(/^[\w.[\]]+: /, ''),
    ext.issues?.map((issue) => ({ ...issue, field: cell(issue.field, issue.rule) })),
  );
}

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
