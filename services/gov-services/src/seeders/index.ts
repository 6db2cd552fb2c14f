import type { MikroORM } from '@mikro-orm/postgresql';
import type { DemoSeedOptions } from '@county/kit';
import { seedGovServicesDemo } from './seed';
import { seedPowersAndProjects } from './powers-projects-seed';

/** The gov-services demo seeder: loaded by the launchers (npm start, tests, the bench), never by the subgraph process. */
export async function seed(orm: MikroORM, options: DemoSeedOptions): Promise<number> {
  return (await seedGovServicesDemo(orm, options)) + (await seedPowersAndProjects(orm, options));
}
