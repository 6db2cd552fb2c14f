import path from 'node:path';
import { Supergraph } from '@apollo/federation-internals';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';

export const SCHEMA_DIR = path.resolve(__dirname, '..');
export const SUPERGRAPH_FILE = path.join(SCHEMA_DIR, 'supergraph.graphql');
export const subgraphFile = (name: string) => path.join(SCHEMA_DIR, `${name}.graphql`);

/** Composition lives in @county/gateway, shared with the test kit, the bench and the fault tests. */
export { composeSupergraph, CompositionError, type Composition } from '@county/gateway';

const apiSchema = (supergraphSdl: string) => Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();

/** Changes of the client-facing API between two supergraphs, and which of them break clients. */
export async function apiChanges(
  base: string,
  next: string,
): Promise<{ changes: Change[]; breaking: Change[] }> {
  const changes = await diff(apiSchema(base), apiSchema(next));
  return { changes, breaking: changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking) };
}
