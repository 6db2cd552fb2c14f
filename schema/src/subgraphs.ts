import type { SubgraphDefinition } from '@county/kit';
import { SUBGRAPHS as REGISTRY, subgraphDefinition, subgraphEntry } from '@county/platform';

export interface ComposedSubgraph {
  definition: SubgraphDefinition;
  /** The routing URL written into the supergraph; deployments override it with SUBGRAPH_<NAME>_URL. */
  url: string;
}

/** The routing URL of a registered subgraph: its port in packages/platform/src/registry.ts. */
export const routingUrl = (name: string) => `http://127.0.0.1:${subgraphEntry(name).port}/graphql`;

/** Every subgraph of the supergraph, in the registry's order, routed to its registered port. */
export const SUBGRAPHS: ComposedSubgraph[] = REGISTRY.map((entry) => ({
  definition: subgraphDefinition(entry.name),
  url: routingUrl(entry.name),
}));
