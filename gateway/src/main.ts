// first: tracing (when configured) must patch http before anything loads it
import '@county/kit/dist/tracing-register';
import { ConfigError, createLogger, PortInUseError, stopOnSignals } from '@county/kit';
import { parseGatewayConfig, readSupergraphPath } from './config';
import { readSupergraph } from './supergraph';
import { createGateway } from './gateway';

async function main() {
  const supergraph = readSupergraph(readSupergraphPath(process.env));
  const config = parseGatewayConfig(process.env, supergraph);
  const logger = createLogger('gateway', config.LOG_LEVEL);
  const gateway = createGateway(config, supergraph, logger);
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
