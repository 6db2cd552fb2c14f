import path from 'node:path';
import { z } from 'zod';
import { ConfigError, parseConfig } from '@county/kit';
import { ensureDatabase, databaseUrl, EmbeddedPostgresError } from '@county/postgres';
import { MAX_DEMO_COUNTIES } from '@county/demo-data';
import { subgraphEnvName } from '@county/gateway';
import { DATA_DIR } from './paths';
import { DIRECTORY_SUBGRAPH, GATEWAY_MAIN, SUBGRAPHS } from './registry';
import { loadDevSecrets } from './dev-secrets';
import { startDatabaseServer, type DatabaseServer } from './database-server';
import {
  launchService,
  stopService,
  subgraphEnvironment,
  type LaunchedService,
  type ServiceProcess,
} from './processes';
import { printBanner } from './banner';

const configSchema = z.object({
  GATEWAY_PORT: z.coerce.number().int().min(1).max(65535).default(4000),
  /** When set, the first subgraph listens here, the next one port above, and so on (tests use it). */
  SUBGRAPH_PORT_BASE: z.coerce.number().int().min(1).max(65000).optional(),
  DEMO_COUNTIES: z.coerce.number().int().min(1).max(MAX_DEMO_COUNTIES).default(1),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});

const LOG_DIR = path.join(DATA_DIR, 'logs');

/**
 * `npm start`: PostgreSQL (embedded unless DATABASE_URL is set), one database and one process per
 * subgraph, the demo data, the gateway; Ctrl-C stops them all in reverse order, PostgreSQL last.
 */
async function main() {
  const started = Date.now();
  const config = parseConfig(configSchema);
  const secrets = loadDevSecrets(DATA_DIR);
  const services: ServiceProcess[] = [];
  let database: DatabaseServer | undefined;
  let stopping = false;

  const stopAll = async (code: number) => {
    if (stopping) return;
    stopping = true;
    for (const service of [...services].reverse()) await stopService(service);
    await database?.stop();
    process.exit(code);
  };
  process.on('SIGINT', () => void stopAll(0));
  process.on('SIGTERM', () => void stopAll(0));

  try {
    database = await startDatabaseServer(() => undefined);
    const port = (index: number) =>
      config.SUBGRAPH_PORT_BASE === undefined ? SUBGRAPHS[index].port : config.SUBGRAPH_PORT_BASE + index;
    const directory = SUBGRAPHS.findIndex((s) => s.name === DIRECTORY_SUBGRAPH);
    const launched: LaunchedService[] = [];
    for (const [index, subgraph] of SUBGRAPHS.entries()) {
      await ensureDatabase(database.url, subgraph.database);
      const service = launchService({
        name: subgraph.name,
        main: subgraph.main,
        port: port(index),
        env: {
          ...subgraphEnvironment({
            databaseUrl: databaseUrl(database.url, subgraph.database),
            secret: secrets.subgraphSecrets[subgraph.name],
            // every other subgraph checks the ids its writes name against the directory
            ...(index === directory
              ? {}
              : {
                  directory: {
                    url: `http://127.0.0.1:${port(directory)}/graphql`,
                    secret: secrets.subgraphSecrets[DIRECTORY_SUBGRAPH],
                  },
                }),
          }),
          DEMO_DATA: 'true',
          DEMO_COUNTIES: String(config.DEMO_COUNTIES),
          LOG_LEVEL: config.LOG_LEVEL,
        },
        logDir: LOG_DIR,
      });
      services.push(service);
      launched.push(service);
    }
    await Promise.all(launched.map((service) => service.ready()));
    const gatewayEnv: Record<string, string> = {
      JWT_SECRET: secrets.jwtSecret,
      LOG_LEVEL: config.LOG_LEVEL,
    };
    for (const [index, subgraph] of SUBGRAPHS.entries()) {
      gatewayEnv[subgraphEnvName(subgraph.name, 'URL')] = `http://127.0.0.1:${port(index)}/graphql`;
      gatewayEnv[subgraphEnvName(subgraph.name, 'SECRET')] = secrets.subgraphSecrets[subgraph.name];
    }
    const gateway = launchService({
      name: 'gateway',
      main: GATEWAY_MAIN,
      port: config.GATEWAY_PORT,
      env: gatewayEnv,
      logDir: LOG_DIR,
    });
    services.push(gateway);
    await gateway.ready();
    await printBanner({
      gatewayUrl: `http://127.0.0.1:${config.GATEWAY_PORT}`,
      database: database.description,
      jwtSecret: secrets.jwtSecret,
      logDir: LOG_DIR,
      seconds: (Date.now() - started) / 1000,
    });
    for (const service of services) {
      void service.exited.then((code) => {
        if (stopping) return;
        console.error(
          `${service.name} stopped unexpectedly (exit code ${code}); see ${service.logFile}. Stopping the platform.`,
        );
        void stopAll(1);
      });
    }
  } catch (error) {
    const expected =
      error instanceof ConfigError || error instanceof EmbeddedPostgresError || error instanceof Error;
    console.error(`npm start failed: ${expected ? (error as Error).message : String(error)}`);
    await stopAll(1);
  }
}

void main();
