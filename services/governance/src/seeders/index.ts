/** The governance demo seeder: loaded by the launchers (npm start, tests, the bench), never by the subgraph process. */
export { seedGovernanceDemo as seed } from './seed';
