/** The gov-services demo seeder: loaded by the launchers (npm start, tests, the bench), never by the subgraph process. */
export { seedGovServicesDemo as seed } from './seed';
