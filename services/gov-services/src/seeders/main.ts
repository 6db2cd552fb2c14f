import 'reflect-metadata';
import { runSeederMain } from '@county/kit';
import { govServicesSubgraph } from '../subgraph';

runSeederMain(govServicesSubgraph);
