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

/** The id a sheet names by name (or gives itself); a name held twice must be given by its id. */
export function oneOf(map: Map<string, string[]>, name: string, what: string): string {
  const ids = map.get(name) ?? [];
  if (ids.length === 1) return ids[0];
  throw cellRefused(
    ids.length ? 'unique' : 'exists',
    ids.length ? `${name} names ${ids.length} ${what}s: give its id` : `no ${what} ${name} in this region`,
  );
}

export function byNameAndId(records: { id: string; name: string }[]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const r of records) for (const key of [r.name, r.id]) map.set(key, [...(map.get(key) ?? []), r.id]);
  return map;
}

const CHINA_OFFSET_MS = 8 * 3600_000;
const MOMENT_TEXT = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}))?$/;

/** A moment as a Chinese clerk reads it: Beijing time to the minute. */
export const chinaMinute = (at: Date | null): string =>
  at ? new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ') : '';

/**
 * A moment from a cell: text `YYYY-MM-DD HH:mm` (or a day) in Beijing time, or a date Excel made of it (its
 * wall-clock time, stored as if UTC).
 */
export function cellMoment(cell: CellValue): Date {
  if (cell instanceof Date) return new Date(cell.getTime() - CHINA_OFFSET_MS);
  const text = cellText(cell);
  const match = MOMENT_TEXT.exec(text);
  const at = match
    ? new Date(`${match[1]}-${match[2]}-${match[3]}T${match[4] ?? '00'}:${match[5] ?? '00'}:00+08:00`)
    : null;
  if (!at || Number.isNaN(at.getTime()) || chinaMinute(at).slice(0, 10) !== text.slice(0, 10))
    throw cellRefused('date', `${text} is not a time (YYYY-MM-DD HH:mm, Beijing time)`);
  return at;
}

const regionRequest = z.object({ region: regionCodeRule });

/** The county (or township) whose register a download or an upload is. */
export function ledgerRegion(query: URLSearchParams): string {
  const region = query.get('region');
  if (!region)
    throw badInput(
      'region',
      'required',
      'name the county (or township) whose register this is, e.g. region=330281',
    );
  return parseInput(regionRequest, { region }, '').region;
}

/** A key a sheet may hold that could be an id (anything else is unknown, not a database error). */
export const isUuid = (key: string): boolean => uuidRule.safeParse(key).success;
