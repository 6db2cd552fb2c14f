import 'reflect-metadata';
import { runSeederMain } from '@county/kit';
import { peopleSubgraph } from '../subgraph';

runSeederMain(peopleSubgraph);
