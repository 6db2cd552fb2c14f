import fs from 'node:fs';
import path from 'node:path';
import { DEFAULT_SUPERGRAPH_PATH, subgraphEnvName, subgraphsOf } from '@county/gateway';
import { publishCommittedSchemas } from './committed';
import { parseRegistryConfig } from './config';

/**
 * The first publication of a deployment (docker-compose's `schema-publish`, a Kubernetes Job): the image's
 * committed schemas, each as its department would publish it, so that the registry holds every subgraph
 * and the gateways can follow it. Publications the registry already holds are unchanged (nothing
 * recorded); one it refuses (it holds something newer) is said and left: the departments' own win.
 */
async function main() {
  const registryUrl = process.env.SCHEMA_REGISTRY_URL ?? 'http://127.0.0.1:4090';
  // the same variable, checked by the same rule, as the registry's own
  const { SCHEMA_PUBLISHERS: publishers } = parseRegistryConfig({
    ...process.env,
    REGISTRY_DATABASE_URL: 'postgres://unused',
    REGISTRY_USAGE_TOKEN: 'x'.repeat(32),
  });
  const supergraph = fs.readFileSync(process.env.SUPERGRAPH_PATH ?? DEFAULT_SUPERGRAPH_PATH, 'utf8');
  const subgraphs = subgraphsOf(supergraph).map(({ name, url }) => ({
    name,
    url: process.env[subgraphEnvName(name, 'URL')] || url,
  }));
  const missing = subgraphs.filter(({ name }) => !publishers[name]).map(({ name }) => name);
  if (missing.length) throw new Error(`SCHEMA_PUBLISHERS has no credential for ${missing.join(', ')}`);
  for (const result of await publishCommittedSchemas({ registryUrl, publishers, subgraphs }))
    console.log(
      result.refused
        ? `schema-publish: ${result.subgraph} left as the registry holds it: ${result.refused}`
        : `schema-publish: ${result.subgraph} ${result.report?.status} (version ${result.report?.version})`,
    );
}

main().catch((error: unknown) => {
  console.error(`schema-publish: ${(error as Error).message} (${path.basename(__filename)})`);
  process.exit(1);
});
