import type { ApolloServerPlugin, BaseContext } from '@apollo/server';
import {
  coerceInputValue,
  getNamedType,
  getNullableType,
  GraphQLError,
  isEnumType,
  isInputObjectType,
  isInputType,
  isListType,
  isNonNullType,
  isScalarType,
  typeFromAST,
  type GraphQLInputType,
  type GraphQLNullableType,
  type GraphQLSchema,
  type VariableDefinitionNode,
} from 'graphql';
import { badInput, type InputIssue } from './errors';

/** Enough to fix a request; a flood of bad list items is not read to its end. */
const MAX_ISSUES = 20;

/** The kit's wording for a value a scalar refused: graphql-js's and graphql-scalars' own never reach a user. */
const SCALARS: Record<string, [rule: string, message: string]> = {
  Int: ['type', 'must be a whole number from -2147483648 to 2147483647'],
  Float: ['type', 'must be a number'],
  String: ['type', 'must be text'],
  Boolean: ['type', 'must be true or false'],
  ID: ['type', 'must be text or a whole number'],
  Date: ['format', 'must be a calendar date as YYYY-MM-DD (ISO 8601)'],
  DateTimeISO: [
    'format',
    'must be a date and time in ISO 8601 with its offset, e.g. 2019-10-01T09:00:00+08:00',
  ],
};

/** The input type at `path` inside a variable of type `type` (list items by index, input fields by name). */
function typeAt(type: GraphQLInputType, path: readonly (string | number)[]): GraphQLInputType | undefined {
  let current: GraphQLInputType | undefined = type;
  for (const key of path) {
    let nullable: GraphQLNullableType | undefined = getNullableType(current);
    if (isListType(nullable) && typeof key === 'number') {
      current = nullable.ofType as GraphQLInputType;
      continue;
    }
    // a single value given for a list is read as a list of one
    while (isListType(nullable)) nullable = getNullableType(nullable.ofType);
    current = isInputObjectType(nullable) ? nullable.getFields()[String(key)]?.type : undefined;
    if (!current) return undefined;
  }
  return current;
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const unknownField = (field: string, typeName: string): InputIssue => ({
  field,
  rule: 'unknown-field',
  message: `is not a field of ${typeName}`,
});

/** What was wrong at one place graphql-js refused, worded by the kit and named by its field path. */
export function issuesAt(field: string, type: GraphQLInputType | undefined, value: unknown): InputIssue[] {
  if (value === null || value === undefined) return [{ field, rule: 'required', message: 'is required' }];
  const named = type && getNamedType(type);
  if (isInputObjectType(named)) {
    if (!isRecord(value)) return [{ field, rule: 'type', message: `must be an object (${named.name})` }];
    const fields = named.getFields();
    const missing = Object.values(fields)
      .filter((f) => isNonNullType(f.type) && f.defaultValue === undefined && value[f.name] == null)
      .map((f) => ({ field: `${field}.${f.name}`, rule: 'required', message: 'is required' }));
    const unknown = Object.keys(value)
      .filter((key) => !(key in fields))
      .map((key) => unknownField(`${field}.${key}`, named.name));
    const found = [...missing, ...unknown];
    return found.length ? found : [{ field, rule: 'type', message: `is not a valid ${named.name}` }];
  }
  if (isEnumType(named)) {
    const values = named.getValues().map((v) => v.name);
    return [{ field, rule: 'enum', message: `must be one of ${values.join(', ')}` }];
  }
  if (isScalarType(named)) {
    const [rule, message] = SCALARS[named.name] ?? ['format', `is not a valid ${named.name}`];
    return [{ field, rule, message }];
  }
  return [{ field, rule: 'type', message: 'has the wrong type' }];
}

class TooManyIssues extends Error {}

/**
 * Every variable checked against the type its operation declares, with graphql-js's own coercion; each
 * refusal named by its path (`input.issuedOn`, `stage`) and rule, in the kit's words. Empty when all fit.
 */
export function variableIssues(
  schema: GraphQLSchema,
  definitions: readonly VariableDefinitionNode[],
  variables: Record<string, unknown>,
): InputIssue[] {
  const issues: InputIssue[] = [];
  const add = (found: InputIssue[]) => {
    for (const issue of found) {
      if (issues.some((known) => known.field === issue.field && known.rule === issue.rule)) continue;
      issues.push(issue);
      if (issues.length >= MAX_ISSUES) throw new TooManyIssues();
    }
  };
  try {
    for (const definition of definitions) {
      const name = definition.variable.name.value;
      const type = typeFromAST(schema, definition.type);
      // an unknown or output type is the document's mistake, which validation has already named
      if (!type || !isInputType(type)) continue;
      const value = variables[name];
      if (value === undefined || value === null) {
        if (isNonNullType(type) && !(value === undefined && definition.defaultValue))
          add(issuesAt(name, type, value));
        continue;
      }
      coerceInputValue(value, type, (path, invalid) =>
        add(issuesAt([name, ...path].join('.'), typeAt(type, path), invalid)),
      );
    }
  } catch (error) {
    if (!(error instanceof TooManyIssues)) throw error;
  }
  return issues;
}

/** BAD_USER_INPUT (HTTP 400) naming the first wrong variable field and its rule, listing the others. */
export function variablesRefused(issues: InputIssue[]): GraphQLError {
  const [first] = issues;
  const error = badInput(first.field, first.rule, first.message, issues);
  return new GraphQLError(error.message, { extensions: { ...error.extensions, http: { status: 400 } } });
}

/**
 * Checks the variables before execution, where the mistake can be named: graphql-js would answer with its
 * own wording (and a scalar's), without the field.
 */
export function variableCheckPlugin<C extends BaseContext>(): ApolloServerPlugin<C> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ operation, request, schema }) {
          if (!operation) return;
          const issues = variableIssues(schema, operation.variableDefinitions ?? [], request.variables ?? {});
          if (issues.length) throw variablesRefused(issues);
        },
      };
    },
  };
}
