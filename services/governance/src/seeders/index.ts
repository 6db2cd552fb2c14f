/** The governance demo seeder: loaded by the launchers (npm start, tests, the bench), never by the subgraph process. */
import type { DemoSeeder } from '@county/kit';
import { seedGovernanceDemo } from './seed';
import { seedPetitionDemo } from './petition-seed';

export const seed: DemoSeeder = async (orm, options) =>
  (await seedGovernanceDemo(orm, options)) + (await seedPetitionDemo(orm, options));
