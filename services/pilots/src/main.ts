import 'reflect-metadata';
import { runSubgraphMain } from '@county/kit';
import { pilotsSubgraph } from './subgraph';

runSubgraphMain(pilotsSubgraph);
