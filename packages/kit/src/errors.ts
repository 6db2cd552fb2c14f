import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import {
  ForeignKeyConstraintViolationException,
  OptimisticLockError,
  UniqueConstraintViolationException,
} from '@mikro-orm/core';

/** Error codes a client may act on; every other failure is masked as INTERNAL_SERVER_ERROR. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  DIRECTORY_UNAVAILABLE: 'DIRECTORY_UNAVAILABLE',
  RATE_LIMITED: 'RATE_LIMITED',
  SERVICE_BUSY: 'SERVICE_BUSY',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

const CLIENT_CODES = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
  ErrorCode.CONFLICT,
  ErrorCode.DIRECTORY_UNAVAILABLE,
  ErrorCode.RATE_LIMITED,
  ErrorCode.SERVICE_BUSY,
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
]);

export const isClientErrorCode = (code: unknown): boolean =>
  typeof code === 'string' && CLIENT_CODES.has(code);

export interface InputIssue {
  field: string;
  rule: string;
  message: string;
}

/** Bad input: names the field (a path such as `input.creditCode`) and the rule it broke. */
export function badInput(field: string, rule: string, message: string, issues?: InputIssue[]): GraphQLError {
  return new GraphQLError(`${field}: ${message}`, {
    extensions: {
      code: ErrorCode.BAD_USER_INPUT,
      field,
      rule,
      ...(issues && issues.length > 1 ? { issues } : {}),
    },
  });
}

export const unauthenticated = (message = 'Sign in: this operation needs a token') =>
  new GraphQLError(message, { extensions: { code: ErrorCode.UNAUTHENTICATED } });

export const forbidden = (message: string, allowedRoles: string[]) =>
  new GraphQLError(message, { extensions: { code: ErrorCode.FORBIDDEN, allowedRoles } });

export const notFound = (field: string, message: string) =>
  new GraphQLError(message, { extensions: { code: ErrorCode.NOT_FOUND, field } });

/**
 * Optimistic locking: the client sent the version it read, and the record has moved on since. Nothing was
 * written; the client reloads and decides again.
 */
export const staleVersion = (current: number, sent: number, field = 'input.version') =>
  new GraphQLError(
    `${field}: the record changed since you read it (version ${sent}, now ${current}); reload and try again`,
    { extensions: { code: ErrorCode.CONFLICT, field, rule: 'current-version', currentVersion: current } },
  );

/** Refuses a write (CONFLICT, `staleVersion`) unless the version the client sent is the record's current one. */
export function assertCurrentVersion(current: number, sent: number, field = 'input.version'): void {
  if (current !== sent) throw staleVersion(current, sent, field);
}

/** A caller has spent a budget of attempts (`limit` names the setting); nothing was looked up or changed. */
export const rateLimited = (message: string, limit: string, retryAfterSeconds: number) =>
  new GraphQLError(message, {
    extensions: { code: ErrorCode.RATE_LIMITED, limit, retryAfterSeconds },
  });

/** A write that must check the directory (the people subgraph) is refused while the directory is down. */
export const directoryUnavailable = () =>
  new GraphQLError('The directory (people subgraph) cannot be reached: nothing was changed, try again', {
    extensions: { code: ErrorCode.DIRECTORY_UNAVAILABLE },
  });

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Constraint violations that slipped past the resolvers' own checks (a race) still answer as bad input. */
function constraintError(error: unknown): GraphQLError | null {
  if (error instanceof OptimisticLockError) {
    return new GraphQLError('input.version: the record changed while you wrote it; reload and try again', {
      extensions: { code: ErrorCode.CONFLICT, field: 'input.version', rule: 'current-version' },
    });
  }
  if (error instanceof UniqueConstraintViolationException) {
    const column = /Key \(([a-z_]+)\)/.exec(String((error as { detail?: string }).detail))?.[1] ?? 'input';
    return badInput(`input.${camel(column)}`, 'unique', 'is already used by another record');
  }
  if (error instanceof ForeignKeyConstraintViolationException) {
    const column = /Key \(([a-z_]+)\)/.exec(String((error as { detail?: string }).detail))?.[1] ?? 'input';
    return badInput(
      `input.${camel(column)}`,
      'exists',
      'refers to a record that does not exist or is still referenced',
    );
  }
  return null;
}

/**
 * Every database connection stayed busy for the pool's acquire timeout (DB_POOL_ACQUIRE_TIMEOUT_MS): the
 * statement never ran, so nothing was read or written, and the same request a moment later may well pass.
 * A client can act on that (retry), which it cannot on an internal error.
 */
function isPoolExhausted(error: unknown): boolean {
  for (let cause = error, depth = 0; cause && depth < 5; depth++) {
    // knex's own error, or MikroORM's DriverException around it (which keeps only its message)
    const { name, message } = cause as { name?: unknown; message?: unknown };
    if (name === 'KnexTimeoutError') return true;
    if (typeof message === 'string' && message.startsWith('Knex: Timeout acquiring a connection'))
      return true;
    cause = (cause as { cause?: unknown }).cause;
  }
  return false;
}

const SERVICE_BUSY_SECONDS = 1;

/**
 * Apollo `formatError` for subgraphs: client errors pass as they are; an exhausted connection pool is
 * SERVICE_BUSY; database constraint errors become BAD_USER_INPUT; anything else is masked so no stack trace, SQL or host name reaches a client.
 */
export function formatSubgraphError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (isClientErrorCode(formatted.extensions?.code)) return formatted;
  if (isPoolExhausted(unwrapResolverError(error)))
    return {
      message: 'The service is busy: nothing was done; try again in a moment',
      path: formatted.path,
      extensions: { code: ErrorCode.SERVICE_BUSY, retryAfterSeconds: SERVICE_BUSY_SECONDS },
    };
  const mapped = constraintError(unwrapResolverError(error));
  if (mapped) return { message: mapped.message, path: formatted.path, extensions: mapped.extensions };
  return {
    message: 'Internal error: the service could not complete this request',
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
