import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  databaseUrl,
  dropDatabase,
  ensureDatabase,
  freePort,
  startEmbeddedPostgres,
  type RunningPostgres,
} from '@county/postgres';
import { ROOT, lastLines, spawnService } from '@county/platform';

/*
 * The feeds scenario: a county's year of the provincial platform's case export (230,000 cases with their
 * events) delivered to gov-services as one feed delivery, then the same file again, each timed, in a
 * process of its own on a throwaway database. Part of `npm run bench` (BENCH_FEED_BACKFILL=false leaves it
 * out); alone: `npm run build && node packages/bench/dist/feed-backfill.js`.
 */

export const FEED_BACKFILL = path.join(ROOT, 'services/gov-services/dist/seeders/feed-backfill.js');
/** Generating, delivering, re-delivering and recounting a year (≈ 1 min idle; a busy machine takes longer). */
export const FEED_BACKFILL_BUDGET_SECONDS = 600;

export interface BackfillFigures {
  cases: number;
  events: number;
  megabytes: number;
  seconds: number;
  resendSeconds: number;
  resendChanged: number;
  rollupDifferences: number;
}

export const feedBackfillEnabled = (env: NodeJS.ProcessEnv = process.env) =>
  !['false', '0'].includes(env.BENCH_FEED_BACKFILL ?? 'true');

/**
 * Runs the backfill on `server` (a throwaway database there, dropped after), or on an embedded PostgreSQL of
 * its own under /var/tmp when no server is given.
 */
export async function measureFeedBackfill(server?: string): Promise<BackfillFigures> {
  const root = fs.mkdtempSync('/var/tmp/county-feed-backfill-');
  // the postgres OS user (the cluster's owner when we run as root) must be able to enter it
  fs.chmodSync(root, 0o755);
  let postgres: RunningPostgres | undefined;
  const name = `county_feed_backfill_${randomBytes(4).toString('hex')}`;
  let admin = server;
  try {
    if (!admin) {
      postgres = await startEmbeddedPostgres({
        dataDir: path.join(root, 'postgres'),
        port: await freePort('127.0.0.1'),
        persistent: false,
        onLog: () => undefined,
      });
      admin = postgres.adminUrl;
    }
    await ensureDatabase(admin, name);
    const loader = spawnService(
      'feed-backfill',
      FEED_BACKFILL,
      { DATABASE_URL: databaseUrl(admin, name) },
      root,
    );
    const code = await loader.exited;
    if (code !== 0)
      throw new Error(`the feed backfill failed (exit ${code}):\n${lastLines(loader.logFile, 12)}`);
    return JSON.parse(lastLines(loader.logFile, 1)) as BackfillFigures;
  } finally {
    if (admin && !postgres) await dropDatabase(admin, name).catch(() => undefined);
    await postgres?.stop().catch(() => undefined);
    fs.rmSync(root, { recursive: true, force: true });
  }
}

export function printFeedBackfillReport(figures: BackfillFigures): void {
  console.log(`\nFeeds: a county's year of the provincial case export as one delivery (gov-services, zwfw-cases)
  ${figures.cases} cases, ${figures.events} events, ${figures.megabytes} MB CSV: ${figures.seconds.toFixed(1)} s
  the same file again: ${figures.resendSeconds.toFixed(1)} s, ${figures.resendChanged} changed
  rollups against a full recount: ${figures.rollupDifferences} rows differ`);
}

if (require.main === module) {
  measureFeedBackfill(process.env.DATABASE_URL).then(
    (figures) => {
      printFeedBackfillReport(figures);
      process.exit(0);
    },
    (error: unknown) => {
      console.error(`feed backfill: ${(error as Error).message ?? error}`);
      process.exit(1);
    },
  );
}
