import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { getVariableValues } from 'graphql/execution/values';

const NUL = '\u0000';

/** The path of the first string holding a NUL character, or null. */
function nulPath(value: unknown, path: string): string | null {
  if (typeof value === 'string') return value.includes(NUL) ? path : null;
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) {
      const found = nulPath(item, `${path}.${i}`);
      if (found) return found;
    }
  } else if (value && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      const found = nulPath(item, `${path}.${key}`);
      if (found) return found;
    }
  }
  return null;
}

/**
 * PostgreSQL text cannot hold U+0000: a NUL in any input would fail deep in a subgraph. Refused here, once
 * for every subgraph, naming where it was.
 */
export function refuseNulCharacters(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, source }) {
          const where =
            source.includes(NUL) || source.includes('\\u0000')
              ? 'query'
              : nulPath(request.variables, 'variables');
          if (where) {
            throw new GraphQLError(`${where}: must not contain the NUL character (U+0000)`, {
              extensions: { code: 'BAD_USER_INPUT', field: where, rule: 'no-nul', http: { status: 400 } },
            });
          }
        },
      };
    },
  };
}

const badRequest = (field: string, rule: string, message: string) =>
  new GraphQLError(`${field}: ${message}`, {
    extensions: { code: 'BAD_USER_INPUT', field, rule, http: { status: 400 } },
  });

/** `Variable "$input" got invalid value "X" at "input.kind"; Value "X" does not exist in "Kind" enum.` */
function variableError(error: GraphQLError): GraphQLError {
  const message = error.message;
  const field = /at "([^"]+)"/.exec(message)?.[1] ?? /Variable "\$([^"]+)"/.exec(message)?.[1] ?? 'variables';
  const rule = /enum/.test(message)
    ? 'enum'
    : /non-null|was not provided|must not be null/.test(message)
      ? 'required'
      : 'type';
  return badRequest(field, rule, message);
}

/**
 * The operation name and the variables' types are checked here, where the client's mistake can be named:
 * the gateway's own executor would report either as an internal error.
 */
export function checkOperationAndVariables(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, schema }) {
          if (!operation) {
            throw badRequest(
              'operationName',
              'exists',
              `the document has no operation named "${request.operationName}"`,
            );
          }
          const coerced = getVariableValues(
            schema as GraphQLSchema,
            operation.variableDefinitions ?? [],
            request.variables ?? {},
          );
          if (coerced.errors?.length) throw variableError(coerced.errors[0]);
        },
      };
    },
  };
}
