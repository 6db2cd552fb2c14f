// first: tracing (when configured) must patch http before anything loads it
import '@county/kit/dist/tracing-register';
import { ConfigError, createLogger, PortInUseError, stopOnSignals } from '@county/kit';
import { parseGatewayConfig, readSupergraphPath } from './config';
import { readSupergraph } from './supergraph';
import { createGateway } from './gateway';
import { startingSupergraph } from './registry';

async function main() {
  const committed = readSupergraph(readSupergraphPath(process.env));
  let config = parseGatewayConfig(process.env, committed);
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const { sdl: supergraph, version } = config.SUPERGRAPH_REGISTRY_URL
    ? await startingSupergraph(config.SUPERGRAPH_REGISTRY_URL, committed, logger)
    : { sdl: committed, version: '0' };
  // the routes follow the supergraph started on (its subgraphs, with SUBGRAPH_<NAME>_URL overrides)
  if (supergraph !== committed) config = parseGatewayConfig(process.env, supergraph);
  const gateway = createGateway(config, supergraph, logger, version);
  const url = await gateway.listen();
  logger.info({ url: `${url}/graphql`, subgraphs: config.subgraphs.map((s) => s.name) }, 'gateway ready');
  stopOnSignals(logger, gateway.stop);
}

main().catch((error: unknown) => {
  const expected =
    error instanceof ConfigError || error instanceof PortInUseError || /No supergraph/.test(String(error));
  console.error(
    `[gateway] ${expected ? (error as Error).message : String((error as Error)?.stack ?? error)}`,
  );
  process.exit(1);
});
