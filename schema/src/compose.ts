import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { composeSupergraph, subgraphFile, SUPERGRAPH_FILE } from './compose.lib';
import { SUBGRAPHS } from './subgraphs';

/** `npm run compose`: regenerates schema/<subgraph>.graphql and schema/supergraph.graphql. */
composeSupergraph(SUBGRAPHS).then(
  ({ subgraphs, supergraph }) => {
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
