import type { CellValue } from 'exceljs';
import { z } from 'zod';
import { regionCodeRule, uuidRule } from '@county/domain';
import { badInput } from '../errors';
import { parseInput } from '../validation';
import { cellText } from '../spreadsheet';
import { cellRefused } from './ledger';

/** A label column: the sheet shows the department's Chinese word, the record keeps the enum value (either is read). */
export function labelledCell<E extends string>(labels: Record<E, string>, cell: CellValue): E {
  const text = cellText(cell);
  const found = (Object.entries(labels) as [E, string][]).find(
    ([key, label]) => text === label || text === key,
  );
  if (!found) throw cellRefused('enum', `must be one of ${Object.values(labels).join('、')}`);
  return found[0];
}

/** Ids by the names (or other keys: ids, credit codes) a sheet may show for a record. */
export type NamedIds = Map<string, string[]>;

export function addNamed(map: NamedIds, key: string | null | undefined, id: string): void {
  if (key) map.set(key, [...(map.get(key) ?? []), id]);
}

/**
 * The one id a name in a cell stands for; refused when none has it (`exists`) or several share it
 * (`unique`: the sheet must give the record's `unambiguous` key instead, its id or credit code).
 */
export function oneNamed(map: NamedIds, name: string, what: string, unambiguous = 'id'): string {
  const ids = map.get(name) ?? [];
  if (ids.length === 1) return ids[0];
  throw cellRefused(
    ids.length ? 'unique' : 'exists',
    ids.length ? `${name} names ${ids.length} ${what}s: give its ${unambiguous}` : `no ${what} ${name} here`,
  );
}

/** A list in one cell, as clerks write it: separated by 、 , ， ; ； or line breaks. */
export const cellList = (text: string): string[] =>
  text
    .split(/[、,，;；\n]/)
    .map((part) => part.trim())
    .filter(Boolean);

const regionRequest = z.object({ region: regionCodeRule });

/**
 * The county (or township) whose ledger a download or an upload is (`?region=`): names are looked up there
 * only, never in a default region. Missing or malformed: refused naming `region`.
 */
export function ledgerRegion(query: URLSearchParams): string {
  const region = query.get('region');
  if (!region)
    throw badInput(
      'region',
      'required',
      'name the county (or township) whose ledger this is, e.g. region=330281',
    );
  return parseInput(regionRequest, { region }, '').region;
}

/** A key a sheet may hold that could be an id (anything else is unknown, not a database error). */
export const isUuid = (key: string): boolean => uuidRule.safeParse(key).success;
