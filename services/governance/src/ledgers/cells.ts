import { addNamed, cellRefused, cellText, type NamedIds } from '@county/kit';
import type { CellValue } from 'exceljs';

/** Records findable in a sheet by their name or their id. */
export function byNameAndId(records: { id: string; name: string }[]): NamedIds {
  const map: NamedIds = new Map();
  for (const r of records) for (const key of [r.name, r.id]) addNamed(map, key, r.id);
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
