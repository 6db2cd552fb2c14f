import { isDeepStrictEqual } from 'node:util';
import type { CellValue } from 'exceljs';
import { GraphQLError } from 'graphql';
import { badInput, ErrorCode } from '../errors';
import { createContext } from '../context';
import { ruleOf } from '../validation';
import { RejectedRows, uploadRejected } from '../imports/rejections';
import type { ImportContext } from '../imports/import-route';
import { cellText, type SheetRow, type SheetRows } from '../spreadsheet';
import { rememberingDirectory } from './remembering-directory';
import {
  CellRefusal,
  type Ledger,
  type LedgerColumn,
  type LedgerImportSummary,
  type LedgerWriteContext,
  type RejectedCell,
} from './ledger';

interface ParsedRow<R> {
  row: number;
  record: R | null;
  fields: Record<string, unknown>;
  version: number | null;
}

/** Refusals a write throws for the row's own sake (its data, its caller), not for the service's. */
const ROW_CODES = new Set<unknown>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.FORBIDDEN,
  ErrorCode.CONFLICT,
  ErrorCode.NOT_FOUND,
]);

/**
 * Imports an edited ledger: rows are matched to records by the key column; a changed row updates its
 * record with only the fields that differ, a new row adds one, an equal row is not written (no audit
 * record), a record missing from the sheet is kept. Every row is checked, then written through the
 * ledger's `create`/`update` (the GraphQL write paths) in one transaction; any rejected cell, from a
 * column's parse or rule or from the write, rolls everything back and the refusal names them all.
 */
export async function importLedger<R, P, L>(
  ledger: Ledger<R, P, L>,
  sheet: SheetRows,
  params: P,
  context: ImportContext,
): Promise<LedgerImportSummary> {
  const sheetName = ledger.sheet(params);
  const at = locate(ledger, sheet.headers);
  if (!sheet.rows.length) throw badInput('file', 'empty', 'the sheet has no rows under its header');
  const rejected = new RejectedRows<RejectedCell>(context.limits.maxErrors);
  const reject = (row: number, column: string, rule: string, reason: string) =>
    rejected.push({ sheet: sheetName, row, column, rule, reason });

  const { directory, remember } = rememberingDirectory(context.directory);
  const read = { em: context.em, directory, params, remember };
  const keyOf = (row: SheetRow) => cellText(row.cell(at.key));
  const keys = [...new Set(sheet.rows.map(keyOf).filter(Boolean))];
  const records = new Map((await ledger.find(keys, read)).map((r) => [ledger.key.of(r), r]));
  const lookups = await ledger.lookups('import', [...records.values()], read);

  const seen = new Set<string>();
  const parsed: ParsedRow<R>[] = [];
  for (const row of sheet.rows) {
    const key = keyOf(row);
    const keyProblem = checkKey(ledger, key, records.has(key), seen);
    if (keyProblem) reject(row.number, ledger.key.header, keyProblem.rule, keyProblem.reason);
    seen.add(key);
    const record = records.get(key) ?? null;
    const fields = readFields(ledger.columns, at.columns, row, lookups, record, (column, rule, reason) =>
      reject(row.number, column, rule, reason),
    );
    const versionText = at.version ? cellText(row.cell(at.version)) : '';
    if (versionText && !/^\d{1,9}$/.test(versionText))
      reject(row.number, ledger.version!.header, 'format', 'must be the version number the export wrote');
    if (!fields || keyProblem) continue;
    if (ledger.key.field && !record) fields[ledger.key.field] = key;
    parsed.push({ row: row.number, record, fields, version: versionText ? Number(versionText) : null });
  }

  const writes = parsed.flatMap((p) => {
    if (!p.record) return [p];
    const changes = changedFields(ledger.columns, p.fields, p.record, lookups);
    const fixed = ledger.columns.filter((c) => c.updatable === false && c.field! in changes);
    for (const column of fixed)
      reject(p.row, column.header, 'fixed', 'is set when the row is added and cannot be changed here');
    return Object.keys(changes).length && !fixed.length ? [{ ...p, fields: changes }] : [];
  });

  // a page of problems already found is what the refusal can list: the writes would only be counted
  if (rejected.total >= context.limits.maxErrors)
    throw uploadRejected(`ledger ${sheetName}`, 'nothing was imported', rejected);
  let created = 0;
  let updated = 0;
  const refusal = new Error('rows rejected');
  try {
    await context.em.transactional(async (em) => {
      // each row writes from an empty identity map in the same transaction: a flush compares only what
      // that row touched, not every task written before it (which made a 2,000-row file quadratic)
      const writeFor = (): LedgerWriteContext<P, L> => ({
        ...createContext({
          em: em.fork({ keepTransactionContext: true }),
          identity: context.identity,
          requestId: `import-${sheetName}`,
          logger: context.logger,
          directory,
        }),
        params,
        lookups,
      });
      for (const p of writes) {
        try {
          const write = writeFor();
          if (p.record) await ledger.update(p.record, p.fields, p.version, write);
          else await ledger.create(p.fields, write);
          if (p.record) updated++;
          else created++;
        } catch (error) {
          if (!(error instanceof GraphQLError) || !ROW_CODES.has(error.extensions.code)) throw error;
          for (const problem of placeWriteRefusal(ledger, error)) reject(p.row, ...problem);
        }
      }
      // every row was tried so the refusal lists them all; one rejected row undoes the others
      if (rejected.total) throw refusal;
    });
  } catch (error) {
    if (error !== refusal) throw error;
  }
  if (rejected.total) throw uploadRejected(`ledger ${sheetName}`, 'nothing was imported', rejected);
  return {
    imported: created + updated,
    created,
    updated,
    unchanged: parsed.length - writes.length,
    rejected: [],
  };
}

/** Column numbers by header; refuses a sheet that lacks the key or an editable column. */
function locate<R, P, L>(ledger: Ledger<R, P, L>, headers: Map<string, number>) {
  const missing = [ledger.key.header, ...ledger.columns.filter((c) => c.field).map((c) => c.header)].filter(
    (header) => !headers.has(header),
  );
  if (missing.length)
    throw badInput('file', 'missing-column', `the sheet lacks the column(s) ${missing.join('、')}`);
  return {
    key: headers.get(ledger.key.header)!,
    columns: ledger.columns.map((c) => (c.field ? headers.get(c.header)! : 0)),
    version: ledger.version ? (headers.get(ledger.version.header) ?? 0) : 0,
  };
}

function checkKey<R, P, L>(ledger: Ledger<R, P, L>, key: string, stored: boolean, seen: Set<string>) {
  if (key && seen.has(key)) return { rule: 'unique', reason: `${key} is on an earlier row too` };
  if (ledger.key.assigned === 'sheet' && !key) return { rule: 'required', reason: 'is empty' };
  if (ledger.key.assigned === 'system' && key && !stored)
    return { rule: 'exists', reason: `no record ${key}: leave the key empty to add a row` };
  return null;
}

/** The row's fields, or null when a cell was rejected. */
function readFields<R, L>(
  columns: LedgerColumn<R, L>[],
  at: number[],
  row: SheetRow,
  lookups: L,
  record: R | null,
  reject: (column: string, rule: string, reason: string) => void,
): Record<string, unknown> | null {
  const fields: Record<string, unknown> = {};
  let ok = true;
  columns.forEach((column, i) => {
    if (!column.field) return;
    const cell = row.cell(at[i]);
    const fail = (rule: string, reason: string) => {
      ok = false;
      reject(column.header, rule, reason);
    };
    // a cell still showing what the export wrote keeps the stored value, even if its name no longer
    // parses (a unit renamed or now ambiguous): only what the clerk edited is read
    if (record && column.value && cellText(cell) === cellText(shown(column, record, lookups))) {
      fields[column.field] = column.value(record, lookups) ?? null;
      return;
    }
    if (!cellText(cell) && column.whenEmpty) {
      fields[column.field] = column.whenEmpty(lookups);
      return;
    }
    if (!cellText(cell)) {
      // a column fixed on kept rows is not read back for them: only its change is refused
      if (!column.optional && !(record && column.updatable === false)) fail('required', 'is empty');
      fields[column.field] = null;
      return;
    }
    try {
      fields[column.field] = column.parse ? column.parse(cell, lookups) : cellText(cell);
    } catch (error) {
      if (!(error instanceof CellRefusal)) throw error;
      return fail(error.rule, error.reason);
    }
    const checked = column.rule?.safeParse(fields[column.field]);
    if (checked && !checked.success)
      return fail(ruleOf(checked.error.issues[0]), checked.error.issues[0].message);
    if (checked) fields[column.field] = checked.data;
  });
  return ok ? fields : null;
}

const shown = <R, L>(column: LedgerColumn<R, L>, record: R, lookups: L) =>
  ((column.format ?? column.value)!(record, lookups) ?? null) as CellValue;

function changedFields<R, L>(
  columns: LedgerColumn<R, L>[],
  fields: Record<string, unknown>,
  record: R,
  lookups: L,
): Record<string, unknown> {
  const changes: Record<string, unknown> = {};
  for (const column of columns) {
    if (!column.field || !column.value) continue;
    const now = column.value(record, lookups) ?? null;
    const next = fields[column.field] ?? null;
    // a fixed column left empty on a kept row keeps its value
    if (column.updatable === false && next === null) continue;
    if (!isDeepStrictEqual(normalise(now), normalise(next))) changes[column.field] = next;
  }
  return changes;
}

const normalise = (value: unknown) => (Array.isArray(value) ? [...value].sort() : value);

/** The columns a write's refusal names: each input field it lists, mapped to the column that feeds it. */
function placeWriteRefusal<R, P, L>(
  ledger: Ledger<R, P, L>,
  error: GraphQLError,
): [column: string, rule: string, reason: string][] {
  const ext = error.extensions as {
    code?: string;
    field?: string;
    rule?: string;
    issues?: { field: string; rule: string; message: string }[];
  };
  const message = error.message.replace(/^[\w.[\]]+: /, '');
  if (ext.code === ErrorCode.FORBIDDEN) return [[ledger.key.header, 'role', message]];
  if (ext.code === ErrorCode.CONFLICT)
    return [[ledger.version?.header ?? ledger.key.header, 'current-version', message]];
  const issues = ext.issues ?? [{ field: ext.field ?? '', rule: ext.rule ?? 'exists', message }];
  return issues.map((issue) => [columnOf(ledger, issue.field), issue.rule, issue.message]);
}

function columnOf<R, P, L>(ledger: Ledger<R, P, L>, field: string): string {
  const name = field.replace(/^input\./, '').split('.')[0];
  if (name === 'version' && ledger.version) return ledger.version.header;
  const column = ledger.columns.find((c) => c.field && (c.inputs ?? [c.field]).includes(name));
  return column?.header ?? ledger.key.header;
}
