import {
  assertPerformAction,
  badInput,
  cellDate,
  cellList,
  cellRefused,
  cellText,
  defineLedger,
  type Directory,
  type DirectoryPage,
  type FileRoute,
  givenValues,
  labelledCell,
  type LedgerColumn,
  type LedgerReadContext,
  ledgerRoutes,
  oneNamed,
  parseInput,
} from '@county/kit';
import { chinaDay, isRegionCode, regionCodeRule } from '@county/domain';
import { z } from 'zod';
import { regionLike } from '../field-rules';
import { permissions } from '../permissions';
import { monthlyEntriesRoutes } from '../ledger/monthly-entries.sheet';
import { Pilot } from '../pilot/pilot.entity';
import { PilotMutations } from '../pilot/pilot.mutations';
import type { CreatePilotInput, UpdatePilotInput } from '../pilot/pilot.args';
import { IN_REGION_SQL } from '../pilot/pilot.query';
import { PilotStage } from '../vocabulary';
import { FIELD_LABEL, LEVEL_LABEL, OUTCOME_LABEL, STAGE_LABEL } from './labels';

/** The two ledgers of the source (淄博): one for pilots being pursued, one for pilots under way. */
interface LedgerKind {
  sheet: string;
  filename: string;
  stages: PilotStage[];
  /** A new row adds a pilot (pursuit ledger); a pilot enters the work ledger only by its approval. */
  adds: boolean;
}

const PURSUIT: LedgerKind = {
  sheet: '改革试点争取台账',
  filename: 'pursuit-ledger',
  stages: [PilotStage.PURSUING],
  adds: true,
};
const WORK: LedgerKind = {
  sheet: '改革试点工作台账',
  filename: 'work-ledger',
  stages: [PilotStage.APPROVED, PilotStage.IN_PROGRESS, PilotStage.ACCEPTED, PilotStage.PROMOTED],
  adds: false,
};

interface Params {
  /** Export: only pilots in this region; import: the region whose units and leaders the sheet names. */
  region?: string;
}

interface Lookups {
  region: string;
  names: Map<string, string>;
  unit: Map<string, string[]>;
  leader: Map<string, string[]>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** The GraphQL write paths: a ledger row is written exactly as createPilot / updatePilot write. */
const mutations = new PilotMutations();

async function allPages<T>(page: (after: string | null) => Promise<DirectoryPage<T>>): Promise<T[]> {
  const out: T[] = [];
  let after: string | null = null;
  do {
    const data: DirectoryPage<T> = await page(after);
    out.push(...data.nodes);
    after = data.pageInfo.hasNextPage ? data.pageInfo.endCursor : null;
  } while (after);
  return out;
}

/** Ids by the names a sheet shows: the region's units (or their credit codes) and its county leaders. */
async function byName(directory: Directory, region: string) {
  const [organizations, leaders] = await Promise.all([
    allPages((after) => directory.organizationsOf(region, after)),
    allPages((after) => directory.countyLeadersOf(region, after)),
  ]);
  const add = (map: Map<string, string[]>, key: string | null | undefined, id: string) => {
    if (key) map.set(key, [...(map.get(key) ?? []), id]);
  };
  const unit = new Map<string, string[]>();
  for (const o of organizations) [o.name, o.creditCode].forEach((key) => add(unit, key, o.id));
  const leader = new Map<string, string[]>();
  for (const p of leaders) add(leader, p.name, p.id);
  return { unit, leader };
}

async function lookups(
  purpose: 'export' | 'import',
  records: Pilot[],
  { directory, params, remember }: LedgerReadContext<Params>,
): Promise<Lookups> {
  const names = await directory.names({
    organizations: records.flatMap((p) => [p.leadOrganizationId, ...p.participatingOrganizationIds]),
    people: records.map((p) => p.leaderId),
  });
  if (purpose === 'export') return { region: '', names, unit: new Map(), leader: new Map() };
  const found = await byName(directory, params.region!);
  remember?.('Organization', [...found.unit.values()].flat());
  remember?.('Person', [...found.leader.values()].flat());
  return { region: params.region!, names, ...found };
}

const nameOf = (l: Lookups, id: string) => l.names.get(id) ?? id;

function columns(kind: LedgerKind): LedgerColumn<Pilot, Lookups>[] {
  return [
    { header: '试点名称', width: 40, field: 'name', value: (p) => p.name },
    {
      header: '层级',
      width: 8,
      field: 'level',
      updatable: false,
      value: (p) => p.level,
      format: (p) => LEVEL_LABEL[p.level],
      parse: (cell) => labelledCell(LEVEL_LABEL, cell),
    },
    {
      header: '领域',
      width: 14,
      field: 'field',
      value: (p) => p.field,
      format: (p) => FIELD_LABEL[p.field],
      parse: (cell) => labelledCell(FIELD_LABEL, cell),
    },
    { header: '批复单位', width: 20, format: (p) => p.approvingBody ?? '' },
    kind.adds
      ? { header: '批复文号', width: 20, format: (p) => p.approvalDocumentNumber ?? '' }
      : {
          header: '批复文号',
          width: 20,
          field: 'approvalDocumentNumber',
          optional: true,
          value: (p) => p.approvalDocumentNumber,
        },
    {
      header: '牵头单位',
      width: 30,
      field: 'leadOrganizationId',
      updatable: false,
      value: (p) => p.leadOrganizationId,
      format: (p, l) => nameOf(l, p.leadOrganizationId),
      parse: (cell, l) => oneNamed(l.unit, cellText(cell), 'unit', 'credit code'),
    },
    {
      header: '参与单位',
      width: 50,
      field: 'participatingOrganizationIds',
      value: (p) => p.participatingOrganizationIds,
      whenEmpty: () => [],
      format: (p, l) => p.participatingOrganizationIds.map((id) => nameOf(l, id)).join('、'),
      parse: (cell, l) =>
        cellList(cellText(cell)).map((name) => oneNamed(l.unit, name, 'unit', 'credit code')),
    },
    {
      header: '责任领导',
      width: 10,
      field: 'leaderId',
      value: (p) => p.leaderId,
      format: (p, l) => nameOf(l, p.leaderId),
      parse: (cell, l) => oneNamed(l.leader, cellText(cell), 'county leader', 'credit code'),
    },
    {
      header: '实施区域',
      width: 24,
      field: 'regionCodes',
      value: (p) => p.regionCodes,
      format: (p) => p.regionCodes.join('、'),
      whenEmpty: (l) => [l.region],
      parse: (cell) => {
        const codes = cellList(cellText(cell));
        const bad = codes.find((code) => !isRegionCode(code));
        if (bad) throw cellRefused('format', `${bad} is not a division code`);
        return codes;
      },
    },
    {
      header: '完成时限',
      width: 12,
      field: 'deadline',
      value: (p) => p.deadline,
      parse: (cell) => {
        const date = cellDate(cell);
        if (!date) throw cellRefused('date', `${cellText(cell)} is not a date (YYYY-MM-DD)`);
        return date;
      },
    },
    { header: '任务目标', width: 50, field: 'target', value: (p) => p.target },
    {
      header: '成果形式',
      width: 16,
      field: 'outcomeForm',
      value: (p) => p.outcomeForm,
      format: (p) => OUTCOME_LABEL[p.outcomeForm],
      parse: (cell) => labelledCell(OUTCOME_LABEL, cell),
    },
    { header: '阶段', width: 10, format: (p) => STAGE_LABEL[p.stage] },
  ];
}

/** Fields as the GraphQL layer hands them to the mutation: the Date scalar arrives as a Date. */
const asGraphQL = (fields: Record<string, unknown>) =>
  typeof fields.deadline === 'string'
    ? { ...fields, deadline: new Date(`${fields.deadline}T00:00:00Z`) }
    : fields;

function pilotLedger(kind: LedgerKind) {
  return defineLedger<Pilot, Params, Lookups>({
    sheet: () => kind.sheet,
    key: { header: '试点编号', width: 38, of: (p) => p.id, assigned: 'system' },
    version: { header: '版本', of: (p) => p.version },
    columns: columns(kind),
    lookups,
    records({ em, params }) {
      const qb = em.createQueryBuilder(Pilot, 'p').where({ stage: { $in: kind.stages } });
      if (params.region) qb.andWhere(IN_REGION_SQL, [regionLike(params.region)]);
      return qb.orderBy({ level: 'asc', name: 'asc', id: 'asc' }).getResultList();
    },
    // a key of another ledger's pilot is unknown here: a pilot moves between ledgers by its stage
    find: (ids, { em }) =>
      em.find(Pilot, { id: ids.filter((id) => UUID.test(id)), stage: { $in: kind.stages } }),
    async create(fields, write) {
      if (!kind.adds)
        throw badInput(
          'id',
          'approved-only',
          'a pilot enters the work ledger when it is approved: add it to the pursuit ledger (争取台账)',
        );
      await mutations.createPilot(asGraphQL(fields) as unknown as CreatePilotInput, write);
    },
    async update(pilot, changes, version, write) {
      // a blank 批复文号 keeps the stored number, as before an update could clear it
      const input = { ...asGraphQL(givenValues(changes)), version: version ?? pilot.version };
      await mutations.updatePilot(pilot.id, input as unknown as UpdatePilotInput, write);
    },
  });
}

const exportRule = z.object({ regionCode: regionCodeRule.optional() });
const importRule = z.object({ region: regionCodeRule });

function routes(kind: LedgerKind): FileRoute[] {
  return ledgerRoutes(pilotLedger(kind), {
    path: `${kind.filename}.xlsx`,
    filename: ({ region }) => `${kind.sheet}${region ? `-${region}` : ''}-${chinaDay()}.xlsx`,
    exportParams({ identity, query }) {
      assertPerformAction({ identity }, permissions, 'ledger.export');
      const { regionCode } = parseInput(exportRule, { regionCode: query.get('regionCode') ?? undefined }, '');
      return { region: regionCode };
    },
    importParams({ identity, query }) {
      // the rows are pilots' particulars: whoever may change a pilot through GraphQL may import them
      assertPerformAction({ identity }, permissions, 'pilot.write');
      const region = query.get('region');
      if (!region)
        throw badInput(
          'region',
          'required',
          'name the county (or township) whose ledger this is, e.g. region=330281',
        );
      return parseInput(importRule, { region }, '');
    },
  });
}

/**
 * GET /files/pursuit-ledger.xlsx and /files/work-ledger.xlsx (optionally `?regionCode=`), and POST the
 * edited files back with `?region=` (role reform-office): changed rows update their pilot, a new row of the
 * pursuit ledger (empty 试点编号) enters a pilot, nothing is deleted; all rows or none.
 */
export const pilotLedgerRoutes: FileRoute[] = [...routes(PURSUIT), ...routes(WORK), ...monthlyEntriesRoutes];
