/** The reform demo seeder: loaded by the launchers (npm start, tests, the bench), never by the subgraph process. */
export { seedReformDemo as seed } from './seed';
