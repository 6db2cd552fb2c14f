import 'reflect-metadata';
import { runSeederMain } from '@county/kit';
import { reformSubgraph } from '../subgraph';

runSeederMain(reformSubgraph);
