import { badInput, cellRefused, cellText, parseInput } from '@county/kit';
import { regionCodeRule, uuidRule } from '@county/domain';
import type { CellValue } from 'exceljs';
import { z } from 'zod';

/** A label column: the sheet shows the department's Chinese word, the record keeps the enum value. */
export function labelled<E extends string>(labels: Record<E, string>, cell: CellValue): E {
  const text = cellText(cell);
  const found = (Object.entries(labels) as [E, string][]).find(
    ([key, label]) => text === label || text === key,
  );
  if (!found) throw cellRefused('enum', `must be one of ${Object.values(labels).join('、')}`);
  return found[0];
}

/** Ids by the names (or other keys) a sheet shows; a name held twice must be given by its id. */
export function oneOf(map: Map<string, string[]>, name: string, what: string): string {
  const ids = map.get(name) ?? [];
  if (ids.length === 1) return ids[0];
  throw cellRefused(
    ids.length ? 'unique' : 'exists',
    ids.length ? `${name} names ${ids.length} ${what}s: give its id` : `no ${what} ${name} in this region`,
  );
}

export function addName(map: Map<string, string[]>, key: string | null | undefined, id: string): void {
  if (key) map.set(key, [...(map.get(key) ?? []), id]);
}

const regionRequest = z.object({ region: regionCodeRule });

/** The county (or township) whose ledger a download or an upload is: names are looked up there only. */
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
