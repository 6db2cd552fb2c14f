/** The reform demo seeder: loaded by the launchers (npm start, tests, the bench), never by the subgraph process. */
import type { MikroORM } from '@mikro-orm/postgresql';
import type { DemoSeedOptions } from '@county/kit';
import { seedReformDemo } from './seed';
import { seedReformInstruments } from './instruments';

/** The ledger, then the instruments that name its tasks. */
export async function seed(orm: MikroORM, options: DemoSeedOptions): Promise<number> {
  return (await seedReformDemo(orm, options)) + (await seedReformInstruments(orm, options));
}
