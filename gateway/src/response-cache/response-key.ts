import { createHash } from 'node:crypto';
import type { Identity } from '@county/kit';

/** JSON with object keys sorted, so that `{a, b}` and `{b, a}` variables name the same answer. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Who the answer is for, as far as the subgraphs can tell: reads depend on the role set (masking, scoped
 * lists) and on signed-in vs anonymous (`authorize` refuses the anonymous); no read path uses the subject
 * or the name (only writes record them), so two callers with the same roles share an answer.
 */
export const audienceOf = (identity: Identity): string =>
  `${identity.isAnonymous ? 'anonymous' : 'signed-in'}:${[...new Set(identity.roles)].sort().join(',')}`;

/** The cache key: the document (its sha256), the operation chosen, the variables and the audience. */
export function responseKey(request: {
  queryHash: string;
  operationName: string | null | undefined;
  variables: Record<string, unknown> | undefined;
  identity: Identity;
}): string {
  return createHash('sha256')
    .update(
      canonical([
        request.queryHash,
        request.operationName ?? null,
        request.variables ?? {},
        audienceOf(request.identity),
      ]),
    )
    .digest('base64url');
}
