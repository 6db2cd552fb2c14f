import { regionCodePrefix } from '@county/domain';

/** `LIKE` pattern of a region and everything below it (codes are hierarchical). */
export const regionPattern = (code: string): string => `${regionCodePrefix(code)}%`;

/** Rows whose person works in an organisation located in the region (one `?`: the pattern). */
export const personInRegion = (column: string): string =>
  `${column} in (select p.id from person p join organization o on o.id = p.organization_id where o.region_code like ?)`;

/** Rows whose organisation is located in the region (one `?`: the pattern). */
export const organizationInRegion = (column: string): string =>
  `${column} in (select o.id from organization o where o.region_code like ?)`;
