import { parse } from 'graphql';
import { composeServices } from '@apollo/composition';
import { subgraphSdl, type SubgraphSchemaDefinition } from '@county/kit';

/** A subgraph to compose: its definition (its SDL is printed from its resolvers) or an SDL already printed. */
export type SupergraphSource = { url: string } & (
  { definition: SubgraphSchemaDefinition } | { name: string; sdl: string }
);

export interface Composition {
  subgraphs: { name: string; url: string; sdl: string }[];
  supergraph: string;
}

export class CompositionError extends Error {}

/**
 * The one composition of the repository (`npm run compose`, the test kit's gateway, the bench, the fault
 * tests): each subgraph's SDL, composed by Apollo's composition into a supergraph routing to each `url`.
 */
export async function composeSupergraph(sources: SupergraphSource[]): Promise<Composition> {
  const subgraphs = [];
  for (const source of sources) {
    subgraphs.push(
      'definition' in source
        ? { name: source.definition.name, url: source.url, sdl: await subgraphSdl(source.definition) }
        : { name: source.name, url: source.url, sdl: source.sdl },
    );
  }
  const result = composeServices(
    subgraphs.map(({ name, url, sdl }) => ({ name, url, typeDefs: parse(sdl) })),
  );
  if (result.errors) {
    throw new CompositionError(
      `Composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`,
    );
  }
  return { subgraphs, supergraph: result.supergraphSdl };
}
