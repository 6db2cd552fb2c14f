import 'reflect-metadata';
import { runSubgraphMain } from '@county/kit';
import { governanceSubgraph } from './subgraph';

runSubgraphMain(governanceSubgraph);
