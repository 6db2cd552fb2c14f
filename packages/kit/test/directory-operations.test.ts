import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildSubgraphSchema } from '@apollo/subgraph';
import {
  Kind,
  parse,
  validate,
  visit,
  type DocumentNode,
  type GraphQLSchema,
  type ObjectTypeDefinitionNode,
  type OperationDefinitionNode,
} from 'graphql';
import { DIRECTORY_OPERATIONS } from '../src/directory-operations';

/*
 * Every operation a subgraph sends to people must be one people's committed schema answers. The SDL is
 * people's own (schema/people.graphql, checked against the code by schema/test); `_entities` and `_Any`
 * are federation's, so the SDL is built as a subgraph schema, as people serves it.
 */
const PEOPLE_SDL = join(__dirname, '../../../schema/people.graphql');

function peopleSchema(typeDefs: DocumentNode): GraphQLSchema {
  return buildSubgraphSchema({ typeDefs });
}

/** People's SDL without one field of one type. */
function withoutField(typeDefs: DocumentNode, type: string, field: string): DocumentNode {
  let dropped = false;
  const result = visit(typeDefs, {
    FieldDefinition(node, _key, _parent, _path, ancestors) {
      const owner = ancestors[ancestors.length - 1] as ObjectTypeDefinitionNode;
      if (owner.kind !== Kind.OBJECT_TYPE_DEFINITION || owner.name.value !== type) return undefined;
      if (node.name.value !== field) return undefined;
      dropped = true;
      return null;
    },
  });
  expect(dropped).toBe(true);
  return result;
}

function problems(schema: GraphQLSchema, document: string): string[] {
  return validate(schema, parse(document)).map((error) => error.message);
}

const operations = Object.entries(DIRECTORY_OPERATIONS);

describe('the directory operations', () => {
  const sdl = parse(readFileSync(PEOPLE_SDL, 'utf8'));
  const schema = peopleSchema(sdl);

  it('are all here, each under its own name', () => {
    expect(operations.length).toBeGreaterThanOrEqual(6);
    for (const [key, operation] of operations) {
      const definitions = parse(operation.document).definitions;
      expect(definitions).toHaveLength(1);
      expect(definitions[0].kind).toBe(Kind.OPERATION_DEFINITION);
      const definition = definitions[0] as OperationDefinitionNode;
      expect(definition.operation).toBe('query');
      expect(definition.name?.value).toBe(key);
      expect(operation.name).toBe(key);
    }
  });

  it.each(operations)('%s is valid against schema/people.graphql', (_, operation) => {
    expect(problems(schema, operation.document)).toEqual([]);
  });

  it('fail validation when they name a field people does not have', () => {
    // people without Organization.creditCode: the ledger import's organisations query must not validate
    const without = peopleSchema(withoutField(sdl, 'Organization', 'creditCode'));
    expect(problems(without, DIRECTORY_OPERATIONS.OrganizationsOfRegion.document)).toEqual([
      expect.stringContaining('Cannot query field "creditCode" on type "Organization".'),
    ]);
    // and a person without roles: the governance placement query
    const noRoles = peopleSchema(withoutField(sdl, 'Person', 'roles'));
    expect(problems(noRoles, DIRECTORY_OPERATIONS.PersonPlacement.document)).toEqual([
      expect.stringContaining('Cannot query field "roles" on type "Person".'),
    ]);
  });
});
