import 'reflect-metadata';
import { runSeederMain } from '@county/kit';
import { governanceSubgraph } from '../subgraph';

runSeederMain(governanceSubgraph);
