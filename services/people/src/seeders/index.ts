/** The people demo seeder: loaded by the launchers (npm start, tests, the bench), never by the subgraph process. */
export { seedPeopleDemoWithMerge as seed } from './demo-merge';
