import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { composeSupergraph, subgraphFile, SUPERGRAPH_FILE } from './compose.lib';
import { SUBGRAPHS } from './subgraphs';
import { checkNullableExtensions } from './nullable-extensions';
import { SUBGRAPHS as REGISTRY, writeDeploymentFiles } from '@county/platform';

/**
 * `npm run compose`: writes what a deployment names per subgraph from the registry (docker-compose.yml,
 * .env.example, the init script, the Dockerfile, schema/package.json), then regenerates
 * schema/<subgraph>.graphql and schema/supergraph.graphql, unless a field added to another subgraph's
 * entity is non-null (nullable-extensions.ts).
 */
const written = writeDeploymentFiles(REGISTRY);
if (written.length) console.log(`written from the registry: ${written.join(', ')}`);

composeSupergraph(SUBGRAPHS).then(
  ({ subgraphs, supergraph }) => {
    const { problems } = checkNullableExtensions(supergraph);
    if (problems.length) {
      console.error(
        `Not written: ${problems.length} problem(s) with fields added to another subgraph's entity:\n- ${problems.join('\n- ')}`,
      );
      process.exit(1);
    }
    for (const { name, sdl } of subgraphs) fs.writeFileSync(subgraphFile(name), sdl);
    fs.writeFileSync(SUPERGRAPH_FILE, supergraph);
    console.log(
      `composed ${subgraphs.map((s) => s.name).join(', ')} → ${path.relative(process.cwd(), SUPERGRAPH_FILE)}`,
    );
  },
  (error: unknown) => {
    console.error(String((error as Error).message ?? error));
    process.exit(1);
  },
);
