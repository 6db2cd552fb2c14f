import { regionCodePrefix } from '@county/domain';

/** True when `regionCode` is `scope` or lies below it. */
export const isWithin = (regionCode: string, scope: string): boolean =>
  regionCode.startsWith(regionCodePrefix(scope) ?? scope);
