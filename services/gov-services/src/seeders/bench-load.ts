import 'reflect-metadata';
import { z } from 'zod';
import {
  DEMO_CITY_CODE,
  DEMO_REPORT_YEAR,
  generateDemoCity,
  MAX_DEMO_COUNTIES,
  MAX_DEMO_PROVINCE_CITIES,
  type DemoCity,
} from '@county/demo-data';
import { migrate, openDatabase, parseConfig } from '@county/kit';
import { govServicesEntities } from '../subgraph';
import { migrations } from '../migrations';
import { buildIndexes, dropSecondaryIndexes } from './bulk';
import { copyDemoCases, loadDemoCatalogue } from './seed';
import { FAMILIES } from '../rollup/families';
import { RECOUNT, rebuildRollups } from '../rollup/recount';

const configSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//),
  BENCH_COUNTIES: z.coerce.number().int().min(1).max(MAX_DEMO_COUNTIES).default(11),
  BENCH_YEAR: z.coerce.number().int().min(2004).max(new Date().getFullYear()).default(DEMO_REPORT_YEAR),
  /** The bench's province (packages/bench/src/province.ts): the city among this many cities (0: no province). */
  BENCH_PROVINCE_CITIES: z.coerce.number().int().min(0).max(MAX_DEMO_PROVINCE_CITIES).default(0),
  BENCH_PROVINCE_CITY_COUNTIES: z.coerce.number().int().min(1).max(MAX_DEMO_COUNTIES).default(11),
  /** The further cities' cases per county, as a share of the city's. */
  BENCH_PROVINCE_SCALE: z.coerce.number().min(0.01).max(1).default(0.2),
});

/** The part of `data` in the cities whose codes `inCity` accepts (the catalogue and cases go by county). */
const citiesOf = (data: DemoCity, inCity: (code: string) => boolean): DemoCity => ({
  ...data,
  regions: data.regions.filter((r) => r.code.length > 4 && inCity(r.code.slice(0, 4))),
});

/**
 * The benchmark's city stays the size BENCHMARKS.md measures (≈ 2.5 M cases, about 230 thousand per
 * county-year) now that the demo year carries report 001's 230,900 cases in January–October alone.
 */
const BENCH_SCALE = 0.83;

/**
 * The benchmark's bulk load, as a process of its own (`node dist/seeders/bench-load.js`): migrates the database,
 * loads the city's catalogue and one year of cases per county by COPY (one transaction), then builds the
 * case indexes and the rollups on three connections at once (each its own transaction), and prints one
 * JSON line with the counts and the seconds it took.
 */
async function main() {
  const config = parseConfig(configSchema);
  const orm = await openDatabase(config.DATABASE_URL, govServicesEntities, migrations);
  try {
    await migrate(orm);
    const city = generateDemoCity({
      counties: config.BENCH_COUNTIES,
      provinceCities: config.BENCH_PROVINCE_CITIES,
      provinceCityCounties: config.BENCH_PROVINCE_CITY_COUNTIES,
    });
    const demoCity = (code: string) => code === DEMO_CITY_CODE.slice(0, 4);
    const started = Date.now();
    const em = orm.em.fork();
    const { catalogue, cases, indexes } = await em.transactional(async (tx) => {
      const definitions = await dropSecondaryIndexes(tx, 'service_case');
      return {
        catalogue: await loadDemoCatalogue(tx, city),
        cases:
          (await copyDemoCases(
            tx,
            citiesOf(city, demoCity),
            [config.BENCH_YEAR],
            `${config.BENCH_YEAR}-12-31`,
            BENCH_SCALE,
          )) +
          (await copyDemoCases(
            tx,
            citiesOf(city, (code) => !demoCity(code)),
            [config.BENCH_YEAR],
            `${config.BENCH_YEAR}-12-31`,
            BENCH_SCALE * config.BENCH_PROVINCE_SCALE,
          )),
        indexes: definitions,
      };
    });
    // the case indexes and two halves of the rollups built side by side, one connection each (2 cores)
    await Promise.all([
      orm.em.fork().transactional((tx) => buildIndexes(tx, 'service_case', indexes)),
      rebuildRollups(orm.em.fork(), [FAMILIES.counters, FAMILIES.centres, FAMILIES.townshipItems]),
      rebuildRollups(orm.em.fork(), [FAMILIES.durations, FAMILIES.items]),
    ]);
    const seconds = (Date.now() - started) / 1000;
    const [size] = await em.getConnection().execute<{ rollup_rows: string }[]>(
      `select ${Object.keys(RECOUNT)
        .map((table) => `(select count(*) from ${table})`)
        .join(' + ')} as rollup_rows`,
    );
    console.log(
      JSON.stringify({
        counties: config.BENCH_COUNTIES,
        ...(city.provinceCode
          ? { provinceCounties: city.regions.filter((r) => r.level === 'COUNTY').length }
          : {}),
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
