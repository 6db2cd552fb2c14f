import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import path from 'node:path';
import { watch, type FSWatcher } from 'chokidar';
import { Cron } from 'croner';
import { Gauge } from 'prom-client';
import { z } from 'zod';
import { parseConfig } from '../config';
import type { SubgraphAttachment, SubgraphProcess } from '../service';
import { deliverFeed, type Feed } from './feed';
import { FreshnessTracker, isStale, trackers } from './feed-freshness';
import type { FeedVia } from './feed-jobs';

const feedsConfigSchema = z.object({
  /** A folder with one sub-folder per source (`<dir>/<source>/`): a file dropped there is delivered. */
  FEEDS_WATCH_DIR: z.string().min(1).optional(),
  /** When the pulls run (cron, China time); each source with a FEEDS_PULL_<SOURCE>_URL is fetched. */
  FEEDS_PULL_SCHEDULE: z.string().min(1).default('30 2 * * *'),
  FEEDS_PULL_TIMEOUT_MS: z.coerce.number().int().min(1000).default(300_000),
  /** How often staleness is checked for the log (the gauge and /readyz are computed when read). */
  FEEDS_STALE_CHECK_MS: z.coerce.number().int().min(1000).default(600_000),
});

/** Delivered files kept in `<dir>/<source>/delivered/` (the newest), for the operator to look back at. */
const KEPT_DELIVERED_FILES = 30;
const envName = (source: string) => `FEEDS_PULL_${source.toUpperCase().replace(/-/g, '_')}_URL`;

/**
 * The feeds' background side in one subgraph process: freshness for /readyz (a warning, never unready), the
 * `feed_stale` and `feed_last_delivery_age_seconds` gauges and a log line when a source goes stale; the
 * watched folder (FEEDS_WATCH_DIR) and the scheduled pulls (FEEDS_PULL_<SOURCE>_URL), both off by default.
 * Wraps the subgraph's own `attach`, if any.
 */
export function attachFeeds(
  feeds: readonly Feed[],
  base?: (process: SubgraphProcess) => Promise<SubgraphAttachment>,
): (process: SubgraphProcess) => Promise<SubgraphAttachment> {
  return async (process) => {
    const own = (await base?.(process)) ?? {};
    const { orm, logger, metrics } = process;
    const config = parseConfig(feedsConfigSchema);
    const tracker = new FreshnessTracker();
    trackers.set(orm.config, tracker);
    const rows = (await orm.em
      .getConnection()
      .execute(`select source, last_success_at from feed_source_state`)) as {
      source: string;
      last_success_at: Date | null;
    }[];
    for (const row of rows)
      tracker.set(row.source, row.last_success_at ? new Date(row.last_success_at) : null);
    const staleHours = (feed: Feed) => {
      try {
        return feed.mapping().staleAfterHours;
      } catch {
        return 0;
      }
    };
    const status = () =>
      feeds.map((feed) => {
        const last = tracker.get(feed.source);
        const after = staleHours(feed);
        return { feed, last, after, stale: isStale(last, after) };
      });

    new Gauge({
      name: 'feed_stale',
      help: 'Feed sources that have not delivered within their staleAfterHours (1) or have (0)',
      labelNames: ['source'],
      registers: [metrics.registry],
      collect() {
        for (const s of status()) this.set({ source: s.feed.source }, s.stale ? 1 : 0);
      },
    });
    new Gauge({
      name: 'feed_last_delivery_age_seconds',
      help: 'Seconds since the latest successful delivery of each feed source (-1: never)',
      labelNames: ['source'],
      registers: [metrics.registry],
      collect() {
        for (const s of status())
          this.set({ source: s.feed.source }, s.last ? (Date.now() - s.last.getTime()) / 1000 : -1);
      },
    });

    const warned = new Set<string>();
    const checkStale = () => {
      for (const s of status()) {
        if (!s.stale) warned.delete(s.feed.source);
        else if (!warned.has(s.feed.source)) {
          warned.add(s.feed.source);
          logger.warn(
            { feed: s.feed.source, lastDeliveredAt: s.last?.toISOString() ?? null, staleAfterHours: s.after },
            `feed ${s.feed.source} is stale: no delivery within ${s.after} h`,
          );
        }
      }
    };
    checkStale();
    const staleTimer = setInterval(checkStale, config.FEEDS_STALE_CHECK_MS);
    staleTimer.unref();

    const deliver = async (feed: Feed, file: Buffer, via: FeedVia) =>
      deliverFeed(feed, file, {
        em: orm.em.fork(),
        subject: `feed:${feed.source}`,
        roles: ['system'],
        via,
        logger,
      });

    const watchers: FSWatcher[] = [];
    if (config.FEEDS_WATCH_DIR)
      for (const feed of feeds)
        watchers.push(
          await watchFolder(path.join(config.FEEDS_WATCH_DIR, feed.source), feed, deliver, logger),
        );

    const pulls: Cron[] = [];
    for (const feed of feeds) {
      const url = globalThis.process.env[envName(feed.source)];
      if (!url) continue;
      pulls.push(
        new Cron(config.FEEDS_PULL_SCHEDULE, { timezone: 'Asia/Shanghai', protect: true }, async () => {
          try {
            const response = await fetch(url, { signal: AbortSignal.timeout(config.FEEDS_PULL_TIMEOUT_MS) });
            if (!response.ok) throw new Error(`${url} answered ${response.status}`);
            await deliver(feed, Buffer.from(await response.arrayBuffer()), 'pull');
          } catch (error) {
            logger.error({ err: error, feed: feed.source }, 'feed pull failed');
          }
        }),
      );
    }

    return {
      readiness: () => {
        const sources = status();
        const warnings = sources
          .filter((s) => s.stale)
          .map((s) =>
            s.last
              ? `feed ${s.feed.source} has not delivered since ${s.last.toISOString()} (stale after ${s.after} h)`
              : `feed ${s.feed.source} has never delivered`,
          );
        return {
          ...own.readiness?.(),
          feeds: {
            status: warnings.length ? 'stale' : 'fresh',
            warnings,
            sources: Object.fromEntries(
              sources.map((s) => [
                s.feed.source,
                { lastDeliveredAt: s.last?.toISOString() ?? null, stale: s.stale },
              ]),
            ),
          },
        };
      },
      stop: async () => {
        clearInterval(staleTimer);
        for (const pull of pulls) pull.stop();
        await Promise.all(watchers.map((w) => w.close()));
        await own.stop?.();
      },
    };
  };
}

/** Delivers each file dropped into `dir` once written, then moves it to `delivered/` (the newest kept). */
async function watchFolder(
  dir: string,
  feed: Feed,
  deliver: (feed: Feed, file: Buffer, via: FeedVia) => Promise<unknown>,
  logger: SubgraphProcess['logger'],
): Promise<FSWatcher> {
  const done = path.join(dir, 'delivered');
  await mkdir(done, { recursive: true });
  let queue = Promise.resolve();
  const watcher = watch(dir, {
    depth: 0,
    ignoreInitial: false,
    awaitWriteFinish: { stabilityThreshold: 2000 },
  });
  watcher.on('add', (file) => {
    if (path.dirname(file) !== dir) return;
    // one at a time, in the order they arrived
    queue = queue.then(async () => {
      try {
        await deliver(feed, await readFile(file), 'watch');
        await rename(file, path.join(done, `${Date.now()}-${path.basename(file)}`));
        const kept = await readdir(done);
        const dated = await Promise.all(
          kept.map(async (name) => ({ name, at: (await stat(path.join(done, name))).mtimeMs })),
        );
        for (const old of dated.sort((a, b) => b.at - a.at).slice(KEPT_DELIVERED_FILES))
          await rm(path.join(done, old.name), { force: true });
      } catch (error) {
        logger.error({ err: error, feed: feed.source, file }, 'watched feed file could not be delivered');
      }
    });
  });
  await new Promise<void>((resolve) => watcher.once('ready', () => resolve()));
  return watcher;
}
