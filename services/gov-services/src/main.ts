// first: tracing (when configured) must patch http before anything loads it
import '@county/kit/dist/tracing-register';
import 'reflect-metadata';
import { runSubgraphMain } from '@county/kit';
import { govServicesSubgraph } from './subgraph';

runSubgraphMain(govServicesSubgraph);
