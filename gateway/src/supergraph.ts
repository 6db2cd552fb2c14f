import fs from 'node:fs';
import path from 'node:path';

/** The committed supergraph, composed by `npm run compose` from the subgraphs' SDLs in schema/. */
export const DEFAULT_SUPERGRAPH_PATH = path.resolve(__dirname, '../../schema/supergraph.graphql');

export interface SupergraphSubgraph {
  name: string;
  url: string;
}

export function readSupergraph(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new Error(`No supergraph at ${file}: run \`npm run compose\`, or set SUPERGRAPH_PATH`);
  }
}

/** The subgraphs a supergraph routes to, from its `join__Graph` enum. */
export function subgraphsOf(supergraphSdl: string): SupergraphSubgraph[] {
  return [...supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)", url: "([^"]*)"\)/g)].map(
    ([, name, url]) => ({
      name,
      url,
    }),
  );
}

/** `gov-services` → `SUBGRAPH_GOV_SERVICES_URL` */
export const subgraphEnvName = (name: string, suffix: 'URL' | 'READ_TIMEOUT_MS') =>
  `SUBGRAPH_${name.toUpperCase().replace(/[^A-Z0-9]/g, '_')}_${suffix}`;
