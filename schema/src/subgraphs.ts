import type { SubgraphDefinition } from '@county/kit';
import { peopleSubgraph } from '@county/people';
import { govServicesSubgraph } from '@county/gov-services';
import { governanceSubgraph } from '@county/governance';
import { reformSubgraph } from '@county/reform';
import { pilotsSubgraph } from '@county/pilots';
import { subgraphEntry } from '@county/platform';

export interface ComposedSubgraph {
  definition: SubgraphDefinition;
  /** The routing URL written into the supergraph; deployments override it with SUBGRAPH_<NAME>_URL. */
  url: string;
}

/** The routing URL of a registered subgraph: its port in packages/platform/src/registry.ts. */
export const routingUrl = (name: string) => `http://127.0.0.1:${subgraphEntry(name).port}/graphql`;

/**
 * Every subgraph of the supergraph, in the registry's order (schema/test/registry.test.ts checks it). The
 * names, ports and databases are in packages/platform/src/registry.ts; this list adds the code.
 */
export const SUBGRAPHS: ComposedSubgraph[] = [
  peopleSubgraph,
  pilotsSubgraph,
  reformSubgraph,
  governanceSubgraph,
  govServicesSubgraph,
].map((definition) => ({ definition, url: routingUrl(definition.name) }));
