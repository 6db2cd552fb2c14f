import {
  assertPerformAction,
  assertSignedIn,
  badInput,
  cellDate,
  cellRefused,
  cellText,
  defineLedger,
  ledgerRegion,
  ledgerRoutes,
  parseInput,
  type FileRoute,
  type LedgerReadContext,
} from '@county/kit';
import type { CellValue } from 'exceljs';
import { permissions } from '../permissions';
import { DispatchEntry, DispatchRound } from '../dispatch/dispatch.entity';
import { DispatchRoundMutations } from '../dispatch/dispatch.mutations';
import type { RecordDispatchEntryInput } from '../dispatch/dispatch.args';
import { monthRule } from '../dispatch/dispatch.rules';
import { ReformTask } from '../task/task.entity';

export interface DispatchLedgerParams {
  /** The round's month, `2020-06`, and the region whose reform office dispatches. */
  month: string;
  region: string;
}

/** An entry with the task it dispatches, as the sheet shows it. */
export type DispatchLedgerRow = DispatchEntry & Pick<ReformTask, 'code' | 'title' | 'leadOrganizationId'>;

interface Lookups {
  names: Map<string, string>;
}

const mutations = new DispatchRoundMutations();

const date = (cell: CellValue) => {
  const value = cellDate(cell);
  if (!value) throw cellRefused('date', `${cellText(cell)} is not a date (YYYY-MM-DD)`);
  return value;
};

async function roundOf({ em, params }: LedgerReadContext<DispatchLedgerParams>): Promise<DispatchRound> {
  const round = await em.findOne(DispatchRound, { regionCode: params.region, month: params.month });
  if (!round) throw badInput('month', 'exists', `${params.region} has no dispatch round for ${params.month}`);
  return round;
}

async function rows(context: LedgerReadContext<DispatchLedgerParams>, codes?: string[]) {
  const round = await roundOf(context);
  const entries = await context.em.find(DispatchEntry, { roundId: round.id });
  const tasks = await context.em.find(
    ReformTask,
    { id: entries.map((e) => e.taskId), ...(codes ? { code: codes } : {}) },
    { fields: ['id', 'code', 'title', 'leadOrganizationId'], orderBy: { code: 'asc' } },
  );
  return tasks.map((task) => ({
    ...entries.find((e) => e.taskId === task.id)!,
    code: task.code,
    title: task.title,
    leadOrganizationId: task.leadOrganizationId,
  }));
}

/**
 * 月调度台账 — one round: a row per key task with what it reported, the problems raised and what was decided.
 * The tasks are the round's (a row cannot be added); edits go through recordDispatchEntry, so a closed round
 * refuses them as the mutation does.
 */
export const dispatchLedger = defineLedger<DispatchLedgerRow, DispatchLedgerParams, Lookups>({
  sheet: ({ month }) => `${month}月调度台账`,
  key: { header: '任务编号', width: 12, of: (r) => r.code, assigned: 'system' },
  version: { header: '版本', of: (r) => r.version },
  columns: [
    { header: '任务名称', width: 36, format: (r) => r.title },
    {
      header: '牵头单位',
      width: 24,
      format: (r, l) => l.names.get(r.leadOrganizationId) ?? r.leadOrganizationId,
    },
    { header: '报送情况', width: 40, field: 'reported', optional: true, value: (r) => r.reported },
    {
      header: '报送日期',
      width: 12,
      field: 'reportedOn',
      optional: true,
      value: (r) => r.reportedOn,
      parse: date,
    },
    {
      header: '存在问题',
      width: 30,
      field: 'problemsRaised',
      optional: true,
      value: (r) => r.problemsRaised,
    },
    { header: '调度意见', width: 30, field: 'decisions', optional: true, value: (r) => r.decisions },
  ],
  async lookups(_purpose, records, { directory }) {
    return { names: await directory.names({ organizations: records.map((r) => r.leadOrganizationId) }) };
  },
  records: (context) => rows(context),
  find: (keys, context) => rows(context, keys),
  create() {
    throw badInput('input', 'fixed', 'a round’s tasks are set when it opens: a row cannot be added');
  },
  async update(row, changes, version, write) {
    const next = { ...row, ...changes };
    if (!next.reported) throw badInput('input.reported', 'required', 'a recorded task says what it reported');
    if (!next.reportedOn) throw badInput('input.reportedOn', 'required', 'give the day it reported');
    const input = {
      version: version ?? row.version,
      reported: next.reported,
      reportedOn: next.reportedOn,
      problemsRaised: next.problemsRaised,
      decisions: next.decisions,
    } as RecordDispatchEntryInput;
    await mutations.recordDispatchEntry(row.id, input, write);
  },
});

const params = (query: URLSearchParams): DispatchLedgerParams => ({
  month: parseInput(monthRule, query.get('month') ?? undefined, 'month'),
  region: ledgerRegion(query),
});

/**
 * GET /files/reform/dispatch.xlsx?month=2020-06&region=<code> (any signed-in caller): the round's sheet.
 * POST it back (role `reform-office`): each edited row is recorded through recordDispatchEntry; all or none.
 */
export const dispatchLedgerRoutes: FileRoute[] = ledgerRoutes(dispatchLedger, {
  path: 'dispatch.xlsx',
  filename: ({ month, region }) => `月调度台账-${region}-${month}.xlsx`,
  exportParams({ identity, query }) {
    assertSignedIn({ identity });
    return params(query);
  },
  importParams({ identity, query }) {
    assertPerformAction({ identity }, permissions, 'dispatch.write');
    return params(query);
  },
});
