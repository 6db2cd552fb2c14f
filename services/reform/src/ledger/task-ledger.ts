import {
  badInput,
  cellDate,
  cellRefused,
  cellText,
  defineLedger,
  givenValues,
  type LedgerReadContext,
  type LedgerWriteContext,
} from '@county/kit';
import { isRegionCode, regionCodePrefix } from '@county/domain';
import type { CellValue } from 'exceljs';
import { TaskSource } from '../vocabulary';
import { ReformTask } from '../task/task.entity';
import { ReformTaskMutations } from '../task/task.mutations';
import type { CreateReformTaskInput, UpdateReformTaskInput } from '../task/task.args';
import { round1, stateCall } from '../task/task-state';
import { SpecialGroup } from '../special-group/special-group.entity';
import { WorkPoint } from '../work-point/work-point.entity';
import { directoryOfRegion } from './directory-names';
import {
  LEDGER_COLUMNS as H,
  NO,
  PROGRESS_COLUMNS as P,
  SOURCE_LABELS,
  splitUnits,
  STATUS_LABELS,
  YES,
} from './ledger.columns';

export interface TaskLedgerParams {
  year: number;
  /** The county (or township) whose ledger is imported: units and leaders are looked up there. */
  region?: string;
  /** The day progress and lagging are computed for (export). */
  asOf?: string;
}

interface StateRow {
  task_id: string;
  expected: number;
  actual: number;
  lagging: boolean;
}

interface Lookups {
  region: string;
  prefix: string;
  groupId: Map<string, string>;
  groupName: Map<string, string>;
  points: Map<string, WorkPoint>;
  pointByNumber: Map<number, WorkPoint>;
  codeOf: Map<string, string>;
  names: Map<string, string>;
  unit: Map<string, string[]>;
  leader: Map<string, string[]>;
  states: Map<string, StateRow>;
}

/** The GraphQL write paths: a ledger row is written exactly as createReformTask / updateReformTask write. */
const mutations = new ReformTaskMutations();

const oneOf = (map: Map<string, string[]>, name: string, what: string) => {
  const ids = map.get(name) ?? [];
  if (ids.length === 1) return ids[0];
  throw cellRefused(
    ids.length ? 'unique' : 'exists',
    ids.length ? `${name} names ${ids.length} ${what}s: use the credit code` : `unknown ${what} ${name}`,
  );
};

const date = (cell: CellValue) => {
  const value = cellDate(cell);
  if (!value) throw cellRefused('date', `${cellText(cell)} is not a date (YYYY-MM-DD)`);
  return value;
};

/** The work point a row names: a stored one, one an earlier row added, or a new one with the row's text. */
async function pointOf(
  fields: Record<string, unknown>,
  groupId: string,
  write: LedgerWriteContext<TaskLedgerParams, Lookups>,
) {
  const number = fields.workPointNumber as number | null;
  if (!number) return null;
  const point = write.lookups.pointByNumber.get(number);
  if (point) return point.id;
  const title = fields.workPointTitle as string | null;
  if (!title)
    throw badInput('input.workPointTitle', 'required', `work point ${number} is new: give its text`);
  const created = write.em.create(WorkPoint, {
    id: crypto.randomUUID(),
    year: write.params.year,
    number,
    title,
    specialGroupId: groupId,
  });
  write.lookups.pointByNumber.set(number, created);
  // written before the task, whose write path checks that its work point exists
  await write.em.flush();
  return created.id;
}

async function parentOf(code: string | null, write: LedgerWriteContext<TaskLedgerParams, Lookups>) {
  if (!code) return null;
  // a plan added on an earlier row of the same sheet is already written in this transaction
  const parent = await write.em.findOne(ReformTask, { code }, { fields: ['id'] });
  if (!parent) throw badInput('input.parentId', 'exists', `no task ${code} in the ledger or above this row`);
  return parent.id;
}

async function lookups(
  purpose: 'export' | 'import',
  records: ReformTask[],
  { em, directory, params, remember }: LedgerReadContext<TaskLedgerParams>,
): Promise<Lookups> {
  const region = params.region ?? '';
  const [groups, points, parents] = await Promise.all([
    em.find(SpecialGroup, {}),
    em.find(WorkPoint, { year: params.year }),
    em.find(
      ReformTask,
      { id: records.flatMap((t) => (t.parentId ? [t.parentId] : [])) },
      { fields: ['code'] },
    ),
  ]);
  const base = {
    region,
    prefix: regionCodePrefix(region) ?? region,
    groupId: new Map(groups.flatMap((g) => [[g.name, g.id] as const, [g.key, g.id] as const])),
    groupName: new Map(groups.map((g) => [g.id, g.name])),
    points: new Map(points.map((p) => [p.id, p])),
    pointByNumber: new Map(points.map((p) => [p.number, p])),
    codeOf: new Map(parents.map((t) => [t.id, t.code])),
    names: new Map<string, string>(),
    unit: new Map<string, string[]>(),
    leader: new Map<string, string[]>(),
    states: new Map<string, StateRow>(),
  };
  const named = directory.names({
    organizations: records.flatMap((t) => [t.leadOrganizationId, ...t.cooperatingOrganizationIds]),
    people: records.flatMap((t) => (t.leaderId ? [t.leaderId] : [])),
  });
  if (purpose === 'import') {
    // names of the matched tasks' units tell an untouched cell from an edited one
    const [names, byName] = await Promise.all([named, directoryOfRegion(directory, region)]);
    remember?.('Organization', [...byName.unit.values()].flat());
    remember?.('Person', [...byName.leader.values()].flat());
    return { ...base, ...byName, names };
  }
  const call = stateCall(params.asOf!, { year: params.year });
  const [states, names] = await Promise.all([
    em.getConnection().execute<StateRow[]>(`select * from ${call.sql}`, call.params),
    named,
  ]);
  return { ...base, names, states: new Map(states.map((s) => [s.task_id, s])) };
}

const nameOf = (l: Lookups, id: string) => l.names.get(id) ?? id;

/** 挂图作战台账 — the reform office's annual ledger of work points and tasks, one row per task. */
export const taskLedger = defineLedger<ReformTask, TaskLedgerParams, Lookups>({
  sheet: ({ year }) => `${year}年改革任务台账`,
  key: { header: H.code.header, width: H.code.width, of: (t) => t.code, assigned: 'sheet', field: 'code' },
  version: { header: P.version.header, of: (t) => t.version },
  columns: [
    {
      header: H.workPointNumber.header,
      width: H.workPointNumber.width,
      field: 'workPointNumber',
      inputs: ['workPointId'],
      optional: true,
      updatable: false,
      value: (t, l) => (t.workPointId ? l.points.get(t.workPointId)?.number : null),
      parse: (cell) => {
        const number = Number(cellText(cell));
        if (!Number.isInteger(number) || number < 1)
          throw cellRefused('format', 'must be a whole number from 1');
        return number;
      },
    },
    {
      header: H.workPoint.header,
      width: H.workPoint.width,
      field: 'workPointTitle',
      optional: true,
      updatable: false,
      value: (t, l) => (t.workPointId ? l.points.get(t.workPointId)?.title : null),
    },
    {
      header: H.parentCode.header,
      width: H.parentCode.width,
      field: 'parentCode',
      inputs: ['parentId'],
      optional: true,
      updatable: false,
      value: (t, l) => (t.parentId ? l.codeOf.get(t.parentId) : null),
    },
    { header: H.title.header, width: H.title.width, field: 'title', value: (t) => t.title },
    {
      header: H.specialGroup.header,
      width: H.specialGroup.width,
      field: 'specialGroupId',
      value: (t) => t.specialGroupId,
      format: (t, l) => l.groupName.get(t.specialGroupId) ?? '',
      parse: (cell, l) => {
        const id = l.groupId.get(cellText(cell));
        if (!id) throw cellRefused('exists', `no special group is called ${cellText(cell)}`);
        return id;
      },
    },
    {
      header: H.source.header,
      width: H.source.width,
      field: 'source',
      updatable: false,
      value: (t) => t.source,
      format: (t) => SOURCE_LABELS[t.source],
      parse: (cell) => {
        const text = cellText(cell);
        const found = Object.entries(SOURCE_LABELS).find(([key, label]) => text === label || text === key);
        if (!found) throw cellRefused('enum', `must be ${Object.values(SOURCE_LABELS).join(' or ')}`);
        return found[0] as TaskSource;
      },
    },
    { header: H.goal.header, width: H.goal.width, field: 'goal', value: (t) => t.goal },
    {
      header: H.leadOrganization.header,
      width: H.leadOrganization.width,
      field: 'leadOrganizationId',
      value: (t) => t.leadOrganizationId,
      format: (t, l) => nameOf(l, t.leadOrganizationId),
      parse: (cell, l) => oneOf(l.unit, cellText(cell), 'unit'),
    },
    {
      header: H.cooperatingOrganizations.header,
      width: H.cooperatingOrganizations.width,
      field: 'cooperatingOrganizationIds',
      value: (t) => t.cooperatingOrganizationIds,
      whenEmpty: () => [],
      format: (t, l) => t.cooperatingOrganizationIds.map((id) => nameOf(l, id)).join('、'),
      parse: (cell, l) => splitUnits(cellText(cell)).map((name) => oneOf(l.unit, name, 'unit')),
    },
    {
      header: H.regionCode.header,
      width: H.regionCode.width,
      field: 'regionCode',
      value: (t) => t.regionCode,
      whenEmpty: (l) => l.region,
      parse: (cell, l) => {
        const code = cellText(cell);
        if (!isRegionCode(code) || !code.startsWith(l.prefix))
          throw cellRefused('within', `must be a division code within ${l.region}`);
        return code;
      },
    },
    {
      header: H.leader.header,
      width: H.leader.width,
      field: 'leaderId',
      optional: true,
      value: (t) => t.leaderId,
      format: (t, l) => (t.leaderId ? nameOf(l, t.leaderId) : ''),
      parse: (cell, l) => oneOf(l.leader, cellText(cell), 'county leader'),
    },
    {
      header: H.keyTask.header,
      width: H.keyTask.width,
      field: 'keyTask',
      value: (t) => t.keyTask,
      whenEmpty: () => false,
      format: (t) => (t.keyTask ? YES : NO),
      parse: (cell) => {
        const text = cellText(cell);
        if (text !== YES && text !== NO) throw cellRefused('enum', `must be ${YES} or ${NO}`);
        return text === YES;
      },
    },
    {
      header: H.plannedStart.header,
      width: 12,
      field: 'plannedStart',
      value: (t) => t.plannedStart,
      parse: date,
    },
    { header: H.plannedEnd.header, width: 12, field: 'plannedEnd', value: (t) => t.plannedEnd, parse: date },
    { header: P.status.header, width: P.status.width, format: (t) => STATUS_LABELS[t.status] },
    {
      header: P.expected.header,
      width: P.expected.width,
      format: (t, l) => round1(l.states.get(t.id)?.expected ?? 0),
    },
    {
      header: P.actual.header,
      width: P.actual.width,
      format: (t, l) => round1(l.states.get(t.id)?.actual ?? 0),
    },
    {
      header: P.lagging.header,
      width: P.lagging.width,
      format: (t, l) => (l.states.get(t.id)?.lagging ? YES : NO),
      alarm: (t, l) => !!l.states.get(t.id)?.lagging,
    },
  ],
  lookups,
  records: ({ em, params }) => em.find(ReformTask, { year: params.year }, { orderBy: { code: 'asc' } }),
  // a code of another year is not this ledger's: adding it is refused as a duplicate code
  find: (codes, { em, params }) => em.find(ReformTask, { code: codes, year: params.year }),
  async create(fields, write) {
    const { workPointNumber: _n, workPointTitle: _t, parentCode, ...task } = fields;
    const input = {
      ...task,
      year: write.params.year,
      workPointId: await pointOf(fields, fields.specialGroupId as string, write),
      parentId: await parentOf(parentCode as string | null, write),
    };
    await mutations.createReformTask(input as unknown as CreateReformTaskInput, write);
  },
  async update(task, changes, version, write) {
    // a blank 负责人 keeps the leader, as before an update could clear one
    const input = { ...givenValues(changes), version: version ?? task.version };
    await mutations.updateReformTask(task.id, input as unknown as UpdateReformTaskInput, write);
  },
});
