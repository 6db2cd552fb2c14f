import 'reflect-metadata';
import { runSubgraphMain } from '@county/kit';
import { peopleSubgraph } from './subgraph';

runSubgraphMain(peopleSubgraph);
