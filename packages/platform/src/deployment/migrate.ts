// the kit first: it loads reflect-metadata before any decorated class of the subgraphs
import { migrate, openDatabase, redactUrl } from '@county/kit';
import { subgraphDefinition } from '../registry';

/**
 * `SUBGRAPH=<name> DATABASE_URL=… node packages/platform/dist/deployment/migrate.js`: applies that subgraph's
 * migrations under its database's migration lock and exits (the Kubernetes migration Job). Replicas starting
 * at the same time wait on the same lock and then find nothing left to apply.
 */
async function main(): Promise<void> {
  const name = process.env.SUBGRAPH;
  const url = process.env.DATABASE_URL;
  if (!name || !url)
    throw new Error('set SUBGRAPH (a name in packages/platform/src/registry.ts) and DATABASE_URL');
  const definition = subgraphDefinition(name);
  const orm = await openDatabase(url, definition.entities, definition.migrations);
  try {
    const applied = await migrate(orm);
    console.log(JSON.stringify({ subgraph: name, database: redactUrl(url), applied }));
  } finally {
    await orm.close(true);
  }
}

main().catch((error: unknown) => {
  console.error(`[migrate] ${(error as Error).message}`);
  process.exit(1);
});
