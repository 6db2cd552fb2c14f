import {
  addNamed,
  assertPerformAction,
  assertSignedIn,
  badInput,
  cellDate,
  cellRefused,
  cellText,
  type Directory,
  type DirectoryPage,
  type FileRequest,
  type FileRoute,
  parseInput,
} from '@county/kit';
import type { CellValue } from 'exceljs';
import { z } from 'zod';
import { countyCodeRule } from '../field-rules';
import { countyCentreOf } from '../centre/county-centre';
import { permissions } from '../permissions';

export const YES = '是';
export const NO = '否';

/** A 是/否 cell. */
export function yesNo(cell: CellValue): boolean {
  const text = cellText(cell);
  if (text !== YES && text !== NO) throw cellRefused('enum', `must be ${YES} or ${NO}`);
  return text === YES;
}

/** A date cell as YYYY-MM-DD. */
export function dateCell(cell: CellValue): string {
  const day = cellDate(cell);
  if (!day) throw cellRefused('date', `${cellText(cell)} is not a date (YYYY-MM-DD)`);
  return day;
}

/** A whole number of days or visits. */
export function wholeNumber(cell: CellValue): number {
  const number = Number(cellText(cell));
  if (!Number.isInteger(number) || number < 0) throw cellRefused('format', 'must be a whole number from 0');
  return number;
}

/** The organisations of a county and below it, by name and by credit code. */
export async function organizationsByName(
  directory: Directory,
  region: string,
): Promise<Map<string, string[]>> {
  const byName = new Map<string, string[]>();
  let after: string | null = null;
  do {
    const page: DirectoryPage<{ id: string; name: string; creditCode: string | null }> =
      await directory.organizationsOf(region, after);
    for (const o of page.nodes) [o.name, o.creditCode].forEach((key) => addNamed(byName, key, o.id));
    after = page.pageInfo.hasNextPage ? page.pageInfo.endCursor : null;
  } while (after);
  return byName;
}

/** Dates as the GraphQL layer hands them to a mutation: the Date scalar arrives as a Date. */
export const asGraphQLDates = (fields: Record<string, unknown>, keys: string[]) =>
  Object.fromEntries(
    Object.entries(fields).map(([key, value]) => [
      key,
      keys.includes(key) && typeof value === 'string' ? new Date(`${value}T00:00:00Z`) : value,
    ]),
  );

const countyRule = z.object({ region: countyCodeRule });

/** The county whose ledger this is (`?region=`): every ledger of the bureau is a county's. */
export function countyOf(query: URLSearchParams): string {
  const region = query.get('region');
  if (!region)
    throw badInput('region', 'required', 'name the county whose ledger this is, e.g. region=330281');
  return parseInput(countyRule, { region }, '').region;
}

/** Export: any signed-in caller, as the same records are read through GraphQL. */
export function assertMayExport(request: Pick<FileRequest, 'identity'>): void {
  assertSignedIn(request);
}

/**
 * The import route, refused before the upload is read unless the caller is the county's bureau for
 * `action` (the rule of the same writes through GraphQL). The kit's `importParams` is synchronous and the
 * bureau is found in the database, so the check wraps the route's `accept`, which the file server awaits.
 */
export function bureauOnly(route: FileRoute, action: 'item.update' | 'centre.manage'): FileRoute {
  return {
    ...route,
    async accept(request) {
      assertSignedIn(request);
      const region = countyOf(request.query);
      assertPerformAction(request, permissions, action, await countyCentreOf(request.em, region));
      return route.accept?.(request);
    },
  };
}
