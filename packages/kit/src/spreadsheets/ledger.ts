import type { EntityManager } from '@mikro-orm/postgresql';
import type { CellValue } from 'exceljs';
import type { z } from 'zod';
import type { SubgraphContext } from '../context';
import type { Directory, DirectoryType } from '../directory';

/**
 * One column of a ledger (台账) sheet, declared once for its export and its import. A column with a `field`
 * is edited in the sheet and read back; one without is shown on export only (progress, stage) and ignored
 * on import.
 */
export interface LedgerColumn<R, L> {
  /** The header as the department's own ledger has it (Chinese); the import finds the column by it. */
  header: string;
  width?: number;
  /** The ledger field this column edits (what `create` and `update` receive). */
  field?: string;
  /** The input fields of the write this column feeds, to place its refusals (default: `[field]`). */
  inputs?: string[];
  /** The field's value in a stored record, compared with the upload's: an equal row is left untouched. */
  value?(record: R, lookups: L): unknown;
  /** What the exported cell shows (default: `value`). */
  format?(record: R, lookups: L): CellValue;
  /** Exported in bold red when true (e.g. a lagging task's flag). */
  alarm?(record: R, lookups: L): boolean;
  /**
   * The field's value from a non-empty cell; throws `cellRefused(rule, reason)` for a bad one. Default: the
   * cell's text.
   */
  parse?(cell: CellValue, lookups: L): unknown;
  /** A rule on the parsed value: the field's rule in the record's own (GraphQL) rule. */
  rule?: z.ZodType;
  /** An empty cell is allowed (the field is null); otherwise it is refused as `required`. */
  optional?: boolean;
  /** What an empty cell means (e.g. the import's own region); the cell is then never refused as empty. */
  whenEmpty?(lookups: L): unknown;
  /** false: set when a row is added; a changed value on a kept row is refused (`fixed`). */
  updatable?: boolean;
}

/** The stable key column that matches an uploaded row to its record. */
export interface LedgerKey<R> {
  header: string;
  width?: number;
  of(record: R): string;
  /**
   * 'sheet': the clerk writes the key (a task code), a key not yet stored adds the record;
   * 'system': the export writes it (an id), a row with an empty key adds a record, an unknown key is refused.
   */
  assigned: 'sheet' | 'system';
  /** With `assigned: 'sheet'`, the field `create` receives the key in (e.g. `code`). */
  field?: string;
}

/** What a ledger's look-ups and writes are given. */
export interface LedgerReadContext<P> {
  em: EntityManager;
  directory: Directory;
  params: P;
  /** Records the look-ups found in the directory: the writes' existence checks skip them (import only). */
  remember?: (type: DirectoryType, keys: Iterable<string>) => void;
}

/** The context a write runs in: a GraphQL resolver's, inside the import's one transaction. */
export type LedgerWriteContext<P, L> = SubgraphContext & { params: P; lookups: L };

/**
 * A ledger declared once: the sheet, its key, its columns, and the write paths of its record. `create` and
 * `update` call the same functions as the GraphQL mutations (so roles and rules are theirs); a refusal
 * they throw is placed on the column of the input field it names.
 */
export interface Ledger<R, P, L> {
  /** The worksheet's name, e.g. `2019年改革任务台账`. */
  sheet(params: P): string;
  key: LedgerKey<R>;
  /** The record's version column (optimistic locking): an edit of an outdated export is refused. */
  version?: { header: string; of(record: R): number };
  columns: LedgerColumn<R, L>[];
  /**
   * What format and parse need, fetched once (e.g. names by id for an export, ids by name for an import).
   * `records` are those being exported, or those the upload's keys matched.
   */
  lookups(purpose: 'export' | 'import', records: R[], context: LedgerReadContext<P>): Promise<L>;
  /** The records an export lists, in the sheet's order. */
  records(context: LedgerReadContext<P>): Promise<R[]>;
  /** The stored records with these keys. */
  find(keys: string[], context: LedgerReadContext<P>): Promise<R[]>;
  /** Adds a record from a new row's fields (every field column). */
  create(fields: Record<string, unknown>, write: LedgerWriteContext<P, L>): Promise<unknown>;
  /** Changes a record: `changes` holds only the fields that differ; `version` is the one the row was read at. */
  update(
    record: R,
    changes: Record<string, unknown>,
    version: number | null,
    write: LedgerWriteContext<P, L>,
  ): Promise<unknown>;
}

/** Declares a ledger (identity: for type inference and one place to find them). */
export const defineLedger = <R, P, L>(ledger: Ledger<R, P, L>): Ledger<R, P, L> => ledger;

/** A bad cell, thrown by a column's `parse`: it becomes a rejection naming sheet, row and column. */
export class CellRefusal extends Error {
  constructor(
    readonly rule: string,
    readonly reason: string,
  ) {
    super(reason);
  }
}

export const cellRefused = (rule: string, reason: string) => new CellRefusal(rule, reason);

/** One rejected cell of an upload. */
export interface RejectedCell {
  sheet: string;
  /** The row as Excel shows it (the header is row 1). */
  row: number;
  /** The column's header. */
  column: string;
  rule: string;
  reason: string;
}

/** What an accepted import did. */
export interface LedgerImportSummary {
  /** Rows written: created + updated. */
  imported: number;
  created: number;
  updated: number;
  /** Rows equal to their record: not written, no audit record. */
  unchanged: number;
  rejected: [];
}
