import path from 'node:path';
import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';
import { Supergraph } from '@apollo/federation-internals';
import { CriticalityLevel, diff, type Change } from '@graphql-inspector/core';
import { subgraphSdl } from '@county/kit';
import type { ComposedSubgraph } from './subgraphs';

export const SCHEMA_DIR = path.resolve(__dirname, '..');
export const SUPERGRAPH_FILE = path.join(SCHEMA_DIR, 'supergraph.graphql');
export const subgraphFile = (name: string) => path.join(SCHEMA_DIR, `${name}.graphql`);

export interface Composition {
  subgraphs: { name: string; url: string; sdl: string }[];
  supergraph: string;
}

export class CompositionError extends Error {}

/** Prints each subgraph's SDL from its resolvers and composes them with Apollo's composition. */
export async function composeSupergraph(subgraphs: ComposedSubgraph[]): Promise<Composition> {
  const printed = [];
  for (const { definition, url } of subgraphs) {
    printed.push({ name: definition.name, url, sdl: await subgraphSdl(definition) });
  }
  const result = composeServices(printed.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })));
  if (result.errors) {
    throw new CompositionError(
      `Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`,
    );
  }
  return { subgraphs: printed, supergraph: result.supergraphSdl };
}

const apiSchema = (supergraphSdl: string) => Supergraph.build(supergraphSdl).apiSchema().toGraphQLJSSchema();

/** Changes of the client-facing API between two supergraphs, and which of them break clients. */
export async function apiChanges(
  base: string,
  next: string,
): Promise<{ changes: Change[]; breaking: Change[] }> {
  const changes = await diff(apiSchema(base), apiSchema(next));
  return { changes, breaking: changes.filter((c) => c.criticality.level === CriticalityLevel.Breaking) };
}
