import 'reflect-metadata';
import { runSeederMain } from '@county/kit';
import { pilotsSubgraph } from '../subgraph';

runSeederMain(pilotsSubgraph);
