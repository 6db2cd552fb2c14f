import type { GraphQLFormattedError } from 'graphql';
import { isClientErrorCode, literalInputRefusal } from '@county/kit';
import { SUBGRAPH_UNAVAILABLE } from './data-source';
import { COST_LIMIT_EXCEEDED } from './limits/cost-limit';
import { OPERATION_NOT_TRUSTED } from './limits/trusted-documents';

/** Extensions a client may see; anything else a subgraph attached (URLs, responses, stack) is dropped. */
const VISIBLE_EXTENSIONS = [
  'code',
  'field',
  'rule',
  'issues',
  'allowedRoles',
  'serviceName',
  'reason',
  'limit',
  'cost',
  'maximum',
  'currentVersion',
  'retryAfterSeconds',
];

/** The gateway's own refusals, which a client may act on. */
const GATEWAY_CODES = new Set([COST_LIMIT_EXCEEDED, OPERATION_NOT_TRUSTED]);

function visible(extensions: Record<string, unknown> | undefined): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const name of VISIBLE_EXTENSIONS) if (extensions?.[name] !== undefined) kept[name] = extensions[name];
  return kept;
}

/**
 * The gateway's `formatError`: validation, auth and not-found errors pass with their field and rule (a bad
 * value written in the document answers BAD_USER_INPUT, as a bad variable does);
 * an unreachable subgraph is named; every other message is masked so no internals reach a client.
 */
export function formatGatewayError(reported: GraphQLFormattedError, error?: unknown): GraphQLFormattedError {
  const formatted = literalInputRefusal(reported, error) ?? reported;
  const extensions = formatted.extensions as Record<string, unknown> | undefined;
  const code = extensions?.code;
  const fromHttpFailure = extensions?.response !== undefined;
  const shown = (isClientErrorCode(code) && !fromHttpFailure) || GATEWAY_CODES.has(String(code));
  if (shown || code === SUBGRAPH_UNAVAILABLE) {
    return {
      message: formatted.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: visible(extensions),
    };
  }
  const serviceName = extensions?.serviceName;
  return {
    message: serviceName
      ? `The ${String(serviceName)} subgraph could not complete its part of this request`
      : 'Internal error: the gateway could not complete this request',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR', ...(serviceName ? { serviceName } : {}) },
  };
}
