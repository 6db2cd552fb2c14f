/** The pilots demo seeder: loaded by the launchers (npm start, tests, the bench), never by the subgraph process. */
export { seedPilotsDemo as seed } from './seed';
