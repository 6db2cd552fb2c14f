// first: tracing (when configured) must patch http before anything loads it
import '@county/kit/dist/tracing-register';
import 'reflect-metadata';
import { ConfigError, runSubgraphMain } from '@county/kit';
import { reformSubgraph } from './subgraph';
import { lagTolerance } from './config';

try {
  // a wrong REFORM_LAG_TOLERANCE stops the start with one clear line, not the first query
  lagTolerance();
} catch (error) {
  if (!(error instanceof ConfigError)) throw error;
  console.error(`[reform] ${error.message}`);
  process.exit(1);
}
runSubgraphMain(reformSubgraph);
