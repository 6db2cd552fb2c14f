import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import { variableIssues, variablesRefused } from '@county/kit';

const NUL = '\u0000';

/**
 * No input type of the schema nests more than a few levels; a JSON value nested thousands deep would
 * overflow the recursive code that reads variables later (the response cache's key, graphql-js).
 */
export const MAX_VARIABLE_DEPTH = 32;

interface Finding {
  path: string;
  rule: 'no-nul' | 'max-depth';
}

/** The first string holding a NUL, or the first value nested too deep: walked without recursion. */
function inspectVariables(variables: unknown): Finding | null {
  const pending: [unknown, string, number][] = [[variables, 'variables', 0]];
  while (pending.length) {
    const [value, path, depth] = pending.pop()!;
    if (typeof value === 'string') {
      if (value.includes(NUL)) return { path, rule: 'no-nul' };
      continue;
    }
    if (!value || typeof value !== 'object') continue;
    if (depth > MAX_VARIABLE_DEPTH) return { path, rule: 'max-depth' };
    const items = Array.isArray(value) ? [...value.entries()] : Object.entries(value);
    for (let i = items.length - 1; i >= 0; i--)
      pending.push([items[i][1], `${path}.${items[i][0]}`, depth + 1]);
  }
  return null;
}

const MESSAGES: Record<Finding['rule'], string> = {
  'no-nul': 'must not contain the NUL character (U+0000)',
  'max-depth': `must not be nested deeper than ${MAX_VARIABLE_DEPTH} levels`,
};

/**
 * PostgreSQL text cannot hold U+0000: a NUL in any input would fail deep in a subgraph; and variables
 * nested beyond any input type are refused before anything reads them. Once for every subgraph, naming
 * where.
 */
export function refuseUnsafeVariables(): ApolloServerPlugin {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, source }) {
          const found: Finding | null =
            source.includes(NUL) || source.includes('\\u0000')
              ? { path: 'query', rule: 'no-nul' }
              : inspectVariables(request.variables);
          if (found) {
            throw new GraphQLError(`${found.path}: ${MESSAGES[found.rule]}`, {
              extensions: {
                code: 'BAD_USER_INPUT',
                field: found.path,
                rule: found.rule,
                http: { status: 400 },
              },
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
          // the same check and wording as every subgraph's; scalars only a subgraph knows (Date) are checked there
          const issues = variableIssues(
            schema as GraphQLSchema,
            operation.variableDefinitions ?? [],
            request.variables ?? {},
          );
          if (issues.length) throw variablesRefused(issues);
        },
      };
    },
  };
}
