import 'reflect-metadata';
import { z } from 'zod';
import { generateDemoCity } from '@county/demo-data';
import { migrate, openDatabase, parseConfig } from '@county/kit';
import { govServicesEntities } from './subgraph';
import { migrations } from './migrations';
import { loadDemoCases, loadDemoCatalogue } from './demo/seed';

const configSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//),
  BENCH_COUNTIES: z.coerce.number().int().min(1).max(78).default(11),
  BENCH_YEAR: z.coerce.number().int().min(2004).max(2026).default(2019),
});

/**
 * The benchmark's bulk load, as a process of its own (`node dist/bench-load.js`): migrates the database,
 * loads the city's catalogue and one year of cases per county, builds the rollups, and prints one JSON line
 * with the counts and the seconds each step took.
 */
async function main() {
  const config = parseConfig(configSchema);
  const orm = await openDatabase(config.DATABASE_URL, govServicesEntities, migrations);
  try {
    await migrate(orm);
    const city = generateDemoCity({ counties: config.BENCH_COUNTIES });
    const started = Date.now();
    const em = orm.em.fork();
    const catalogue = await em.transactional((tx) => loadDemoCatalogue(tx, city));
    const cases = await em.transactional((tx) =>
      loadDemoCases(tx, city, [config.BENCH_YEAR], `${config.BENCH_YEAR}-12-31`),
    );
    const seconds = (Date.now() - started) / 1000;
    const [size] = await em
      .getConnection()
      .execute<{ rollup_rows: string }[]>(
        'select (select count(*) from rollup_day) + (select count(*) from rollup_duration) + (select count(*) from rollup_item_month) + (select count(*) from rollup_centre_month) as rollup_rows',
      );
    console.log(
      JSON.stringify({
        counties: config.BENCH_COUNTIES,
        catalogue,
        cases,
        seconds,
        rollupRows: Number(size.rollup_rows),
      }),
    );
  } finally {
    await orm.close(true);
  }
}

main().catch((error: unknown) => {
  console.error(String((error as Error)?.stack ?? error));
  process.exit(1);
});
