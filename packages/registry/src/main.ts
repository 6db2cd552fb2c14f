import { ConfigError, createLogger, PortInUseError, stopOnSignals } from '@county/kit';
import { parseRegistryConfig } from './config';
import { startRegistry } from './start';

async function main() {
  const config = parseRegistryConfig(process.env);
  const logger = createLogger('registry', config.LOG_LEVEL);
  const registry = await startRegistry(config, logger);
  logger.info({ url: registry.url }, 'schema registry ready');
  stopOnSignals(logger, registry.stop);
}

main().catch((error: unknown) => {
  const expected = error instanceof ConfigError || error instanceof PortInUseError;
  console.error(
    `[registry] ${expected ? (error as Error).message : String((error as Error)?.stack ?? error)}`,
  );
  process.exit(1);
});
