import path from 'node:path';
import { ROOT } from './paths';

export interface SubgraphEntry {
  /** Its name in the supergraph and in SUBGRAPH_<NAME>_* variables. */
  name: string;
  /** The compiled entry point. */
  main: string;
  /** Its own database on the shared server. */
  database: string;
  /** Its conventional port (docker-compose.yml uses it too); `npm start` may shift it with SUBGRAPH_PORT_BASE. */
  port: number;
}

/** Every subgraph the platform runs. Adding a subgraph: one line here, one in schema/src/subgraphs.ts. */
export const SUBGRAPHS: SubgraphEntry[] = [
  {
    name: 'people',
    main: path.join(ROOT, 'services/people/dist/main.js'),
    database: 'county_people',
    port: 4001,
  },
  {
    name: 'pilots',
    main: path.join(ROOT, 'services/pilots/dist/main.js'),
    database: 'county_pilots',
    port: 4003,
  },
  {
    name: 'reform',
    main: path.join(ROOT, 'services/reform/dist/main.js'),
    database: 'county_reform',
    port: 4002,
  },
  {
    name: 'governance',
    main: path.join(ROOT, 'services/governance/dist/main.js'),
    database: 'county_governance',
    port: 4005,
  },
  {
    name: 'gov-services',
    main: path.join(ROOT, 'services/gov-services/dist/main.js'),
    database: 'county_gov_services',
    port: 4004,
  },
];

/** The subgraph that owns regions, organisations and people: the others check ids against it. */
export const DIRECTORY_SUBGRAPH = 'people';

export const GATEWAY_MAIN = path.join(ROOT, 'gateway/dist/main.js');
