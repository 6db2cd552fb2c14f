import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, type GraphQLSchema } from 'graphql';
import { codegen } from '@graphql-codegen/core';
import * as operationsPlugin from '@graphql-codegen/typescript-operations';
import * as typedDocumentNodePlugin from '@graphql-codegen/typed-document-node';
import type { CockpitDomain } from '../domains';
import { cockpitOperation } from './operation';

/** `cockpit/web`: the page's sources and its `.graphql` documents. */
export const WEB_DIR = path.join(__dirname, '..', '..', 'web');

export interface GeneratedOperations {
  /** The operation with its fragments, as the page sends it (written beside the module, for reading). */
  operation: string;
  /** The TypeScript module: result and variable types, and the documents as typed strings. */
  module: string;
}

/**
 * Compiles the cockpit's documents against the supergraph with GraphQL Code Generator. A document that
 * no longer validates (a field renamed, removed or retyped) throws: that is what fails the build.
 */
export async function generateOperations(
  supergraphSdl: string,
  domains: readonly CockpitDomain[],
): Promise<GeneratedOperations> {
  const schema: GraphQLSchema = buildSchema(supergraphSdl);
  const fragments = domains.map((domain) => ({
    location: `web/domains/${domain.key}.graphql`,
    text: read(`domains/${domain.key}.graphql`),
  }));
  const documents = [
    { location: 'web/graphql/regions.graphql', text: read('graphql/regions.graphql') },
    { location: 'web/graphql/map.graphql', text: read('graphql/map.graphql') },
    { location: 'cockpit operation (src/build/operation.ts)', text: cockpitOperation(domains) },
    ...fragments,
  ].map(({ location, text }) => ({ location, document: parse(text), rawSDL: text }));
  const operation = [cockpitOperation(domains), ...fragments.map((fragment) => fragment.text)].join('\n');
  const module = await codegen({
    filename: 'operations.ts',
    schema: parse(supergraphSdl),
    schemaAst: schema,
    documents,
    plugins: [{ typescriptOperations: {} }, { typedDocumentNode: {} }],
    pluginMap: {
      typescriptOperations: operationsPlugin,
      typedDocumentNode: typedDocumentNodePlugin,
    },
    config: {
      documentMode: 'string',
      onlyOperationTypes: true,
      enumsAsTypes: true,
      useTypeImports: true,
      scalars: { Date: 'string', ID: 'string' },
      defaultScalarType: 'unknown',
    },
  });
  return { operation, module };
}

function read(relative: string): string {
  return fs.readFileSync(path.join(WEB_DIR, relative), 'utf8');
}
