import 'reflect-metadata';
import { runSubgraphMain } from '@county/kit';
import { govServicesSubgraph } from './subgraph';

runSubgraphMain(govServicesSubgraph);
