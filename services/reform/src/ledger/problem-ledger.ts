import {
  assertPerformAction,
  assertSignedIn,
  badInput,
  cellDate,
  cellList,
  cellRefused,
  cellText,
  defineLedger,
  labelledCell,
  ledgerRegion,
  ledgerRoutes,
  oneNamed,
  type FileRoute,
  type LedgerReadContext,
  type LedgerWriteContext,
} from '@county/kit';
import { chinaDay, isRegionCode, regionCodePrefix } from '@county/domain';
import type { CellValue } from 'exceljs';
import { permissions } from '../permissions';
import { ProblemAccount, ProblemStatus } from '../vocabulary';
import { ReformTask } from '../task/task.entity';
import { Problem } from '../problem/problem.entity';
import { ProblemMutations } from '../problem/problem.mutations';
import type { CreateProblemInput, UpdateProblemInput } from '../problem/problem.args';
import { directoryOfRegion } from './directory-names';

export interface ProblemLedgerParams {
  /** The county (or township) whose problems the sheet lists (export: optional) and names are looked up in. */
  region: string | null;
}

interface Lookups {
  region: string;
  prefix: string;
  names: Map<string, string>;
  codeOf: Map<string, string>;
  /** Unit and county-leader ids by name (import only). */
  unit: Map<string, string[]>;
  leader: Map<string, string[]>;
}

const SHEET = '问题清单（三本账）';

export const ACCOUNT_LABELS: Record<ProblemAccount, string> = {
  LEADER: '领导账',
  DEPARTMENT: '部门账',
  TOWNSHIP: '乡镇账',
};
const ACCOUNT_ORDER = Object.keys(ACCOUNT_LABELS);
const ACCOUNT_OF = new Map(
  Object.entries(ACCOUNT_LABELS).map(([account, label]) => [label, account as ProblemAccount]),
);

const STATUS_LABELS: Record<ProblemStatus, string> = {
  OPEN: '未整改',
  IN_PROGRESS: '整改中',
  RESOLVED: '已销号',
};

/** 问题编号, e.g. 领导账-12: the account and the number the problem took on it (both fixed once entered). */
const keyOf = (p: Problem) => `${ACCOUNT_LABELS[p.account]}-${p.number}`;
const KEY = new RegExp(`^(${Object.values(ACCOUNT_LABELS).join('|')})-(\\d{1,9})$`);

const mutations = new ProblemMutations();

const date = (cell: CellValue) => {
  const value = cellDate(cell);
  if (!value) throw cellRefused('date', `${cellText(cell)} is not a date (YYYY-MM-DD)`);
  return value;
};

async function lookups(
  purpose: 'export' | 'import',
  records: Problem[],
  { em, directory, params, remember }: LedgerReadContext<ProblemLedgerParams>,
): Promise<Lookups> {
  const region = params.region ?? '';
  const [tasks, names, byName] = await Promise.all([
    em.find(ReformTask, { id: [...new Set(records.flatMap((p) => p.taskIds))] }, { fields: ['id', 'code'] }),
    directory.names({
      organizations: records.flatMap((p) => (p.foundByOrganizationId ? [p.foundByOrganizationId] : [])),
      people: records.flatMap((p) => (p.foundByPersonId ? [p.foundByPersonId] : [])),
    }),
    purpose === 'import' ? directoryOfRegion(directory, region) : { unit: new Map(), leader: new Map() },
  ]);
  remember?.('Organization', [...byName.unit.values()].flat());
  return {
    region,
    prefix: regionCodePrefix(region) ?? region,
    names,
    codeOf: new Map(tasks.map((t) => [t.id, t.code])),
    ...byName,
  };
}

const nameOf = (l: Lookups, id: string | null) => (id ? (l.names.get(id) ?? id) : '');

/** The ids of the tasks a row names by code; an unknown code is refused on 关联任务. */
async function taskIds(codes: string[], write: LedgerWriteContext<ProblemLedgerParams, Lookups>) {
  if (!codes.length) return [];
  const tasks = await write.em.find(ReformTask, { code: codes }, { fields: ['id', 'code'] });
  const unknown = codes.find((code) => !tasks.some((t) => t.code === code));
  if (unknown) throw badInput('input.taskIds', 'exists', `no reform task has the code ${unknown}`);
  return codes.map((code) => tasks.find((t) => t.code === code)!.id);
}

/**
 * 问题清单（三本账）— the reform office's problem list, one row per problem on the leaders', departments' or
 * townships' account. Written through createProblem / updateProblem / closeProblem: 已销号 in 状态 closes a
 * problem; 账目, 发现人 and 发现单位 are set when it is entered.
 */
export const problemLedger = defineLedger<Problem, ProblemLedgerParams, Lookups>({
  sheet: () => SHEET,
  key: { header: '问题编号', width: 12, of: keyOf, assigned: 'system' },
  version: { header: '版本', of: (p) => p.version },
  columns: [
    {
      header: '账目',
      width: 8,
      field: 'account',
      updatable: false,
      value: (p) => p.account,
      format: (p) => ACCOUNT_LABELS[p.account],
      parse: (cell) => labelledCell(ACCOUNT_LABELS, cell),
    },
    { header: '问题描述', width: 40, field: 'description', value: (p) => p.description },
    {
      header: '发现人',
      width: 10,
      field: 'foundByPersonId',
      optional: true,
      updatable: false,
      value: (p) => p.foundByPersonId,
      format: (p, l) => nameOf(l, p.foundByPersonId),
      parse: (cell, l) => oneNamed(l.leader, cellText(cell), 'county leader'),
    },
    {
      header: '发现单位',
      width: 26,
      field: 'foundByOrganizationId',
      optional: true,
      updatable: false,
      value: (p) => p.foundByOrganizationId,
      format: (p, l) => nameOf(l, p.foundByOrganizationId),
      parse: (cell, l) => oneNamed(l.unit, cellText(cell), 'unit', 'credit code'),
    },
    {
      header: '区划代码',
      width: 14,
      field: 'regionCode',
      value: (p) => p.regionCode,
      whenEmpty: (l) => l.region,
      parse: (cell, l) => {
        const code = cellText(cell);
        if (!isRegionCode(code) || !code.startsWith(l.prefix))
          throw cellRefused('within', `must be a division code within ${l.region}`);
        return code;
      },
    },
    { header: '发现日期', width: 12, field: 'foundOn', value: (p) => p.foundOn, parse: date },
    {
      header: '整改时限',
      width: 12,
      field: 'deadline',
      optional: true,
      value: (p) => p.deadline,
      parse: date,
    },
    {
      header: '关联任务',
      width: 24,
      field: 'taskCodes',
      inputs: ['taskIds'],
      value: (p, l) => p.taskIds.map((id) => l.codeOf.get(id) ?? id),
      format: (p, l) => p.taskIds.map((id) => l.codeOf.get(id) ?? id).join('、'),
      whenEmpty: () => [],
      parse: (cell) => cellList(cellText(cell)),
    },
    {
      header: '状态',
      width: 8,
      field: 'status',
      inputs: ['status', 'id'],
      value: (p) => p.status,
      format: (p) => STATUS_LABELS[p.status],
      whenEmpty: () => ProblemStatus.OPEN,
      parse: (cell) => labelledCell(STATUS_LABELS, cell),
    },
    { header: '销号日期', width: 12, format: (p) => p.resolvedOn ?? '' },
  ],
  lookups,
  async records({ em, params }) {
    const where = params.region ? { regionCode: { $like: `${regionCodePrefix(params.region)}%` } } : {};
    const problems = await em.find(Problem, where, { orderBy: { number: 'asc' } });
    return problems.sort((a, b) => ACCOUNT_ORDER.indexOf(a.account) - ACCOUNT_ORDER.indexOf(b.account));
  },
  find(keys, { em }) {
    const numbers = new Map<ProblemAccount, number[]>();
    for (const match of keys.map((key) => KEY.exec(key))) {
      if (!match) continue;
      const account = ACCOUNT_OF.get(match[1])!;
      numbers.set(account, [...(numbers.get(account) ?? []), Number(match[2])]);
    }
    if (!numbers.size) return Promise.resolve([]);
    return em.find(Problem, { $or: [...numbers].map(([account, number]) => ({ account, number })) });
  },
  async create(fields, write) {
    const { taskCodes, status, ...problem } = fields;
    const input = {
      ...problem,
      taskIds: await taskIds(taskCodes as string[], write),
      // entered already resolved: entered open, then closed as closeProblem closes it
      status: status === ProblemStatus.RESOLVED ? ProblemStatus.OPEN : status,
    };
    const created = await mutations.createProblem(input as unknown as CreateProblemInput, write);
    if (status === ProblemStatus.RESOLVED) await mutations.closeProblem(created.id, created.version, write);
  },
  async update(problem, changes, version, write) {
    const { taskCodes, status, ...rest } = changes;
    if ('deadline' in rest && rest.deadline === null)
      throw badInput(
        'input.deadline',
        'required',
        'a deadline once set cannot be cleared: give the new date',
      );
    const input: Record<string, unknown> = { ...rest };
    if (taskCodes) input.taskIds = await taskIds(taskCodes as string[], write);
    if (status && status !== ProblemStatus.RESOLVED) input.status = status;
    let at = version ?? problem.version;
    if (Object.keys(input).length)
      at = (await mutations.updateProblem(problem.id, { ...input, version: at } as UpdateProblemInput, write))
        .version;
    if (status === ProblemStatus.RESOLVED) await mutations.closeProblem(problem.id, at, write);
  },
});

/**
 * GET /files/problems.xlsx[?region=<code>]: the problem list (三本账) of all three accounts (any signed-in
 * caller). POST it back with `?region=<code>` (role `reform-office`, as createProblem / updateProblem /
 * closeProblem): an empty 问题编号 enters a problem on its 账目, a changed row is updated (a stale 版本 is
 * refused), 已销号 closes it; all rows or none.
 */
export const problemLedgerRoutes: FileRoute[] = ledgerRoutes(problemLedger, {
  path: 'problems.xlsx',
  filename: ({ region }) => `问题清单-${region ?? '全部'}-${chinaDay()}.xlsx`,
  exportParams({ identity, query }) {
    assertSignedIn({ identity });
    return { region: query.get('region') ? ledgerRegion(query) : null };
  },
  importParams({ identity, query }) {
    assertPerformAction({ identity }, permissions, 'problem.write');
    return { region: ledgerRegion(query) };
  },
});
