import type { SubgraphDefinition } from '@county/kit';
import { peopleSubgraph } from '@county/people';
import { govServicesSubgraph } from '@county/gov-services';
import { governanceSubgraph } from '@county/governance';
import { reformSubgraph } from '@county/reform';
import { pilotsSubgraph } from '@county/pilots';

export interface ComposedSubgraph {
  definition: SubgraphDefinition;
  /** The routing URL written into the supergraph; deployments override it with SUBGRAPH_<NAME>_URL. */
  url: string;
}

/** Every subgraph of the supergraph. Adding a subgraph: one line here, one in packages/platform/src/registry.ts. */
export const SUBGRAPHS: ComposedSubgraph[] = [
  { definition: peopleSubgraph, url: 'http://127.0.0.1:4001/graphql' },
  { definition: pilotsSubgraph, url: 'http://127.0.0.1:4003/graphql' },
  { definition: reformSubgraph, url: 'http://127.0.0.1:4002/graphql' },
  { definition: governanceSubgraph, url: 'http://127.0.0.1:4005/graphql' },
  { definition: govServicesSubgraph, url: 'http://127.0.0.1:4004/graphql' },
];
