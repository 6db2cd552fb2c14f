import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { unwrapResolverError } from '@apollo/server/errors';
import { UniqueConstraintViolationException, ForeignKeyConstraintViolationException } from '@mikro-orm/core';

/** Error codes a client may act on; every other failure is masked as INTERNAL_SERVER_ERROR. */
export const ErrorCode = {
  BAD_USER_INPUT: 'BAD_USER_INPUT',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  INTERNAL_SERVER_ERROR: 'INTERNAL_SERVER_ERROR',
} as const;

const CLIENT_CODES = new Set<string>([
  ErrorCode.BAD_USER_INPUT,
  ErrorCode.UNAUTHENTICATED,
  ErrorCode.FORBIDDEN,
  ErrorCode.NOT_FOUND,
  ErrorCode.CONFLICT,
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

const camel = (column: string) => column.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** Constraint violations that slipped past the resolvers' own checks (a race) still answer as bad input. */
function constraintError(error: unknown): GraphQLError | null {
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
 * Apollo `formatError` for subgraphs: client errors pass as they are; database constraint errors become
 * BAD_USER_INPUT; anything else is masked so no stack trace, SQL or host name reaches a client.
 */
export function formatSubgraphError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  if (isClientErrorCode(formatted.extensions?.code)) return formatted;
  const mapped = constraintError(unwrapResolverError(error));
  if (mapped) return { message: mapped.message, path: formatted.path, extensions: mapped.extensions };
  return {
    message: 'Internal error: the service could not complete this request',
    path: formatted.path,
    extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR },
  };
}
