import 'reflect-metadata';
import { z } from 'zod';
import { DEMO_COUNTY_CODE, generateDemoCity } from '@county/demo-data';
import { createLogger, deliverFeed, migrate, openDatabase, parseConfig } from '@county/kit';
import { govServicesEntities, govServicesSubgraph } from '../subgraph';
import { caseFeed } from '../feeds/case-feed';
import { rollupDifferences } from '../rollup/rollup-differences';
import { demoCatalogue } from './catalogue';
import { demoCentres } from './centres';
import { loadDemoCatalogue } from './seed';
import { zwfwCsv, zwfwDayExport, type ZwfwRow } from './zwfw-export';

const configSchema = z.object({
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\//),
  /** A county's year: report 001's 230,900 cases in January–October, rounded to the issue's 230,000. */
  BACKFILL_CASES: z.coerce.number().int().min(1).max(2_000_000).default(230_000),
  BACKFILL_YEAR: z.coerce.number().int().min(2004).max(2030).default(2019),
});

/** The year's export, spread evenly over its days (the remainder on the first ones). */
function yearExport(year: number, cases: number): ZwfwRow[] {
  const city = generateDemoCity({ counties: 1 });
  const items = demoCatalogue(DEMO_COUNTY_CODE);
  const centres = demoCentres(city);
  const days: string[] = [];
  for (let t = Date.UTC(year, 0, 1); t < Date.UTC(year + 1, 0, 1); t += 86_400_000)
    days.push(new Date(t).toISOString().slice(0, 10));
  return days.flatMap((day, i) =>
    zwfwDayExport({
      day,
      count: Math.floor(cases / days.length) + (i < cases % days.length ? 1 : 0),
      items,
      centres,
      seed: 'backfill',
    }),
  );
}

/**
 * The feeds' backfill benchmark, as a process of its own (`node dist/seeders/feed-backfill.js`, run by
 * `npm run bench` and by packages/bench's `feed-backfill.js` alone): a fresh database with the demo county's
 * catalogue takes a year of the provincial platform's case export (230,000 cases with their events) as ONE
 * delivery of the zwfw-cases feed, timed; then the same file again (nothing changes), timed; then the rollups
 * are compared with a full recount. Prints one JSON line.
 */
async function main() {
  const config = parseConfig(configSchema);
  const orm = await openDatabase(config.DATABASE_URL, govServicesEntities, govServicesSubgraph.migrations);
  try {
    await migrate(orm);
    await orm.em.fork().transactional((tx) => loadDemoCatalogue(tx, generateDemoCity({ counties: 1 })));
    const file = zwfwCsv(yearExport(config.BACKFILL_YEAR, config.BACKFILL_CASES));
    const logger = createLogger('gov-services', 'warn');
    const deliver = async () => {
      const started = Date.now();
      const job = await deliverFeed(caseFeed, file, {
        em: orm.em.fork(),
        subject: 'bench',
        roles: ['system'],
        via: 'watch',
        logger,
      });
      if (job.status !== 'SUCCEEDED') throw new Error(`the backfill failed: ${JSON.stringify(job.error)}`);
      return {
        seconds: (Date.now() - started) / 1000,
        result: job.result as Record<string, number> & { timings: Record<string, number> },
      };
    };
    const first = await deliver();
    const again = await deliver();
    const [events] = await orm.em
      .fork()
      .getConnection()
      .execute<{ n: number }[]>(`select count(*)::int n from case_event`);
    const differences = Object.values(await rollupDifferences(orm.em)).reduce((a, b) => a + b, 0);
    console.log(
      JSON.stringify({
        cases: first.result.inserted,
        events: events.n,
        megabytes: Math.round(file.length / 10_485.76) / 100,
        seconds: first.seconds,
        resendSeconds: again.seconds,
        resendChanged: again.result.changed,
        rollupDifferences: differences,
        timings: first.result.timings,
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
