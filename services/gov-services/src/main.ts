// first: tracing (when configured) must patch http before anything loads it
import '@county/kit/dist/tracing-register';
import 'reflect-metadata';
import { ConfigError, runSubgraphMain } from '@county/kit';
import { govServicesSubgraph } from './subgraph';
import { statsCacheTtlMs } from './config';

try {
  // a wrong SERVICE_STATS_CACHE_TTL_MS stops the start with one clear line, not the first query
  statsCacheTtlMs();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`[gov-services] ${error.message}`);
  process.exit(1);
}
runSubgraphMain(govServicesSubgraph);
