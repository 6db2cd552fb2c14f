import path from 'node:path';
import type { SubgraphDefinition } from '@county/kit';
import { ROOT } from './paths';

export interface SubgraphEntry {
  /** Its name in the supergraph and in SUBGRAPH_<NAME>_* variables; its folder is services/<name>. */
  name: string;
  /** The compiled entry point, services/<name>/dist/main.js. */
  main: string;
  /** Its demo seeder, services/<name>/dist/seeders/main.js: run before `main` when the demo is wanted. */
  seed: string;
  /** Its own database on the shared server. */
  database: string;
  /**
   * Its conventional port: the routing URL in schema/supergraph.graphql and docker-compose.yml's;
   * `npm start` may shift it with SUBGRAPH_PORT_BASE.
   */
  port: number;
}

/**
 * Every subgraph, in start order: the one list of names, databases and ports. schema/src/subgraphs.ts
 * derives its routing URLs from it; docker-compose.yml, deploy/postgres/, .env.example, the Dockerfile,
 * jest.config.js and tsconfig.test.json are checked against it (packages/platform/test/compose-file.test.ts,
 * schema/test/registry.test.ts).
 */
export const SUBGRAPHS: SubgraphEntry[] = (
  [
    { name: 'people', database: 'county_people', port: 4001 },
    { name: 'pilots', database: 'county_pilots', port: 4003 },
    { name: 'reform', database: 'county_reform', port: 4002 },
    { name: 'governance', database: 'county_governance', port: 4005 },
    { name: 'gov-services', database: 'county_gov_services', port: 4004 },
  ] satisfies Omit<SubgraphEntry, 'main' | 'seed'>[]
).map((entry) => ({
  ...entry,
  main: path.join(ROOT, 'services', entry.name, 'dist/main.js'),
  seed: path.join(ROOT, 'services', entry.name, 'dist/seeders/main.js'),
}));

/** The registry entry of `name`; throws for a name that is not registered. */
export function subgraphEntry(name: string): SubgraphEntry {
  const entry = SUBGRAPHS.find((s) => s.name === name);
  if (!entry) throw new Error(`"${name}" is not in packages/platform/src/registry.ts`);
  return entry;
}

/** The subgraph that owns regions, organisations and people: the others check ids against it. */
export const DIRECTORY_SUBGRAPH = 'people';

export const GATEWAY_MAIN = path.join(ROOT, 'gateway/dist/main.js');

/** The schema registry (packages/registry): its own process and database; gateways poll its supergraph. */
export const SCHEMA_REGISTRY = {
  main: path.join(ROOT, 'packages/registry/dist/main.js'),
  database: 'county_registry',
  port: 4090,
};

const isDefinition = (value: unknown, name: string): value is SubgraphDefinition =>
  typeof value === 'object' &&
  value !== null &&
  (value as SubgraphDefinition).name === name &&
  Array.isArray((value as SubgraphDefinition).resolvers);

/**
 * The definition `@county/<name>` exports (its `src/index.ts`), found by its name: the registry's line is all
 * a new subgraph adds (schema/ composes these; a restore asks them for their rollup recounts).
 */
export function subgraphDefinition(name: string): SubgraphDefinition {
  subgraphEntry(name);
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const exported = require(`@county/${name}`) as Record<string, unknown>;
  const definition = Object.values(exported).find((value) => isDefinition(value, name));
  if (!definition) throw new Error(`@county/${name} exports no SubgraphDefinition named "${name}"`);
  return definition;
}
