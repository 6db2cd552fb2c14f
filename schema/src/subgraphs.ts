import type { SubgraphDefinition } from '@county/kit';
import { SUBGRAPHS as REGISTRY, subgraphEntry } from '@county/platform';

export interface ComposedSubgraph {
  definition: SubgraphDefinition;
  /** The routing URL written into the supergraph; deployments override it with SUBGRAPH_<NAME>_URL. */
  url: string;
}

/** The routing URL of a registered subgraph: its port in packages/platform/src/registry.ts. */
export const routingUrl = (name: string) => `http://127.0.0.1:${subgraphEntry(name).port}/graphql`;

const isDefinition = (value: unknown, name: string): value is SubgraphDefinition =>
  typeof value === 'object' &&
  value !== null &&
  (value as SubgraphDefinition).name === name &&
  Array.isArray((value as SubgraphDefinition).resolvers);

/**
 * The definition `@county/<name>` exports (its `src/index.ts`), found by its name: the registry's line is
 * all a new subgraph adds here. Loaded by name, so the package must be a dependency of schema/ (npm run
 * compose writes schema/package.json from the registry).
 */
export function definitionOf(name: string): SubgraphDefinition {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported = require(`@county/${name}`) as Record<string, unknown>;
  const definition = Object.values(exported).find((value) => isDefinition(value, name));
  if (!definition) throw new Error(`@county/${name} exports no SubgraphDefinition named "${name}"`);
  return definition;
}

/** Every subgraph of the supergraph, in the registry's order, routed to its registered port. */
export const SUBGRAPHS: ComposedSubgraph[] = REGISTRY.map((entry) => ({
  definition: definitionOf(entry.name),
  url: routingUrl(entry.name),
}));
