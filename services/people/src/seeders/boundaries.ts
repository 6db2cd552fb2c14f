import type { MikroORM } from '@mikro-orm/postgresql';
import type { DemoSeedOptions } from '@county/kit';
import { seedFictionalBoundaries } from './fictional-boundaries';
import { seedPeopleDemo } from './seed';

/** The people demo, then the fictional outlines of its regions for the cockpit's map. */
export async function seedPeopleDemoWithBoundaries(orm: MikroORM, options: DemoSeedOptions): Promise<number> {
  return (await seedPeopleDemo(orm, options)) + (await seedFictionalBoundaries(orm));
}
