import type { MikroORM } from '@mikro-orm/postgresql';
import { z } from 'zod';
import { ConfigError, parseConfig } from './config';
import {
  DatabaseUnreachableError,
  migrate,
  openDatabase,
  type EntityList,
  type MigrationList,
} from './database';

export interface DemoSeedOptions {
  /** Counties in the demo city (the benchmark's scale knob); the demo city says how many it has. */
  counties: number;
  /** Cities of the demo province 990000 (opt-in; @county/demo-data's `provinceCities`): 0 or unset, none. */
  provinceCities?: number;
  /** Counties of each province city besides the demo city (`provinceCityCounties`). */
  provinceCityCounties?: number;
}

/** Loads the deterministic demo data when the database holds none yet; resolves with the rows written. */
export type DemoSeeder = (orm: MikroORM, options: DemoSeedOptions) => Promise<number>;

/** What seeding needs of a subgraph's definition: its model and where its seeder module is. */
export interface SeedableDefinition {
  name: string;
  entities: EntityList;
  migrations: MigrationList;
  /**
   * The module (a path, `src/seeders` beside its subgraph.ts) exporting `seed: DemoSeeder`. A path, not an
   * import: the subgraph's own process never loads the demo; `npm start`, the tests and the bench do.
   */
  seeder?: string;
}

/** The seeder of `definition`, loaded from its module; undefined when it has none. */
export function loadSeeder(definition: SeedableDefinition): DemoSeeder | undefined {
  if (!definition.seeder) return undefined;
  // require, not import(): the packages are CommonJS, and jest runs them so without ESM support
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const module = require(definition.seeder) as { seed?: DemoSeeder };
  if (typeof module.seed !== 'function')
    throw new Error(`${definition.seeder} exports no seed function (the ${definition.name} seeder)`);
  return module.seed;
}

/**
 * Migrates the database at `databaseUrl` and loads the demo data into it (nothing when it holds data
 * already), on its own connection, closed before it resolves: a launcher calls it before it starts the
 * subgraph. Resolves with the rows written.
 */
export async function seedDatabase(
  definition: SeedableDefinition,
  databaseUrl: string,
  options: DemoSeedOptions,
): Promise<number> {
  const seed = loadSeeder(definition);
  if (!seed) return 0;
  const orm = await openDatabase(databaseUrl, definition.entities, definition.migrations);
  try {
    await migrate(orm);
    return await seed(orm, options);
  } finally {
    await orm.close(true);
  }
}

const seederConfigSchema = z.object({
  DATABASE_URL: z.string().url(),
  DEMO_COUNTIES: z.coerce.number().int().min(1).default(1),
  DEMO_PROVINCE_CITIES: z.coerce.number().int().min(0).default(0),
  DEMO_PROVINCE_CITY_COUNTIES: z.coerce.number().int().min(1).optional(),
});

/**
 * The `main` of a subgraph's seeder (`services/<name>/src/seeders/main.ts`): migrates the database named by
 * DATABASE_URL, loads DEMO_COUNTIES counties of demo data (in a province of DEMO_PROVINCE_CITIES cities, each
 * further one of DEMO_PROVINCE_CITY_COUNTIES counties, when that is set) when it holds none, and exits. `npm start`, the
 * bench and docker-compose (DEMO_DATA=true) run it before the subgraph's own process.
 */
export function runSeederMain(definition: SeedableDefinition): void {
  const run = async () => {
    const config = parseConfig(seederConfigSchema);
    const started = Date.now();
    const rows = await seedDatabase(definition, config.DATABASE_URL, {
      counties: config.DEMO_COUNTIES,
      provinceCities: config.DEMO_PROVINCE_CITIES,
      provinceCityCounties: config.DEMO_PROVINCE_CITY_COUNTIES,
    });
    console.log(
      JSON.stringify({
        name: `${definition.name}-seed`,
        rows,
        counties: config.DEMO_COUNTIES,
        ...(config.DEMO_PROVINCE_CITIES ? { provinceCities: config.DEMO_PROVINCE_CITIES } : {}),
        ms: Date.now() - started,
      }),
    );
  };
  run().then(
    () => process.exit(0),
    (error: unknown) => {
      const known =
        error instanceof ConfigError ||
        error instanceof DatabaseUnreachableError ||
        error instanceof RangeError;
      console.error(
        `[${definition.name}-seed] ${known ? (error as Error).message : String((error as Error)?.stack ?? error)}`,
      );
      process.exit(1);
    },
  );
}
