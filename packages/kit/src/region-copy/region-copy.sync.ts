import { randomUUID } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/postgresql';
import { RegionLevel } from '@county/domain';
import { Directory, type DirectoryEndpoint } from '../directory';
import type { Logger } from '../logger';
import type { SubgraphAttachment } from '../service';
import { rememberSuccessions, type SuccessionEdge } from './region-scope';

/** Top-down, so a sync's rows arrive parents first (nothing depends on it; the log reads naturally). */
const LEVELS = [
  RegionLevel.PROVINCE,
  RegionLevel.CITY,
  RegionLevel.COUNTY,
  RegionLevel.TOWNSHIP,
  RegionLevel.VILLAGE,
];

/** The first retry after a failed sync; each next one waits twice as long, up to the interval. */
const RETRY_MS = 2_000;

/** How long the start waits for the first sync before it serves the copy the table holds. */
const START_WAIT_MS = 3_000;

/** REGION_COPY_INTERVAL_MS unset: a region renamed in people shows renamed here within five minutes. */
export const DEFAULT_REGION_COPY_INTERVAL_MS = 300_000;

export interface RegionCopyOptions {
  /** How often the copy is refreshed from people. */
  intervalMs: number;
}

/**
 * Replaces the copy with the directory's region tree and organisation names, in one transaction: a reader
 * sees the old copy or the new, never half of each, and a record people no longer has is gone from it.
 * Returns the regions held.
 */
export async function syncRegionCopy(orm: MikroORM, directory: Directory): Promise<number> {
  const records = [];
  for (const level of LEVELS) records.push(...(await directory.regionsOfLevel(level)));
  const organizations: { id: string; name: string }[] = [];
  for (let after: string | null = null, more = true; more;) {
    const page = await directory.organizationsOf(null, after);
    organizations.push(...page.nodes.map(({ id, name }) => ({ id, name })));
    ({ hasNextPage: more, endCursor: after } = page.pageInfo);
  }
  const successions = await directory.regionSuccessions();
  const rows = records.map((region) => ({
    code: region.code,
    name: region.name,
    level: region.level,
    parent_code: region.parent?.code ?? null,
  }));
  // only what changed is written (a sync every few minutes of an unchanged tree writes one row, not the
  // whole tree: no WAL for the backups, no dead rows), and what people no longer has is deleted
  await orm.em.fork().transactional(async (em) => {
    const connection = em.getConnection();
    const context = em.getTransactionContext();
    const run = (sql: string, values: unknown[]) => connection.execute(sql, values, 'run', context);
    const regions = JSON.stringify(rows);
    await run(
      `insert into "directory_region" ("code", "name", "level", "parent_code", "synced_at")
       select code, name, level, parent_code, now()
         from json_to_recordset(?::json) as r(code text, name text, level text, parent_code text)
       on conflict ("code") do update set "name" = excluded."name", "level" = excluded."level",
         "parent_code" = excluded."parent_code", "synced_at" = excluded."synced_at"
       where ("directory_region"."name", "directory_region"."level", "directory_region"."parent_code")
         is distinct from (excluded."name", excluded."level", excluded."parent_code")`,
      [regions],
    );
    await run(
      `delete from "directory_region" d
        where not exists (select 1 from json_to_recordset(?::json) as r(code text) where r.code = d.code)`,
      [regions],
    );
    const edges = JSON.stringify(successions);
    await run(
      `insert into "directory_region_succession" ("predecessor_code", "successor_code", "effective_on")
       select "predecessorCode", "successorCode", "effectiveOn"::date
         from json_to_recordset(?::json) as r("predecessorCode" text, "successorCode" text, "effectiveOn" text)
       on conflict ("predecessor_code", "successor_code") do update set "effective_on" = excluded."effective_on"
       where "directory_region_succession"."effective_on" is distinct from excluded."effective_on"`,
      [edges],
    );
    await run(
      `delete from "directory_region_succession" d where not exists (
         select 1 from json_to_recordset(?::json) as r("predecessorCode" text, "successorCode" text)
          where r."predecessorCode" = d.predecessor_code and r."successorCode" = d.successor_code)`,
      [edges],
    );
    const names = JSON.stringify(organizations);
    await run(
      `insert into "directory_organization" ("id", "name", "synced_at")
       select id, name, now() from json_to_recordset(?::json) as r(id uuid, name text)
       on conflict ("id") do update set "name" = excluded."name", "synced_at" = excluded."synced_at"
       where "directory_organization"."name" is distinct from excluded."name"`,
      [names],
    );
    await run(
      `delete from "directory_organization" d
        where not exists (select 1 from json_to_recordset(?::json) as r(id uuid) where r.id = d.id)`,
      [names],
    );
    await run(
      `insert into "directory_copy_sync" ("singleton", "synced_at") values (true, now())
       on conflict ("singleton") do update set "synced_at" = excluded."synced_at"`,
      [],
    );
  });
  rememberSuccessions(orm.config, successions);
  return rows.length;
}

/** The successions the copy holds: what statistics map with until the first sync (people may be down). */
async function rememberCopiedSuccessions(orm: MikroORM): Promise<void> {
  const rows = await orm.em
    .fork()
    .getConnection()
    .execute<SuccessionEdge[]>(
      `select predecessor_code as "predecessorCode", successor_code as "successorCode"
         from "directory_region_succession"`,
    );
  rememberSuccessions(orm.config, rows);
}

/** When the copy was last written (null: never), read from the table so a restart knows its age. */
async function lastSynced(orm: MikroORM): Promise<Date | null> {
  const [row] = await orm.em
    .fork()
    .getConnection()
    .execute<{ at: Date | null }[]>(`select "synced_at" as at from "directory_copy_sync"`);
  return row?.at ? new Date(row.at) : null;
}

/**
 * Keeps the subgraph's copy of the region tree in step with people: a sync at start (waited for a few
 * seconds at most: with people down the subgraph starts on what the table holds, and says so loudly),
 * then one every `intervalMs`. /readyz tells the copy's age.
 */
export async function attachRegionCopy(
  orm: MikroORM,
  endpoint: DirectoryEndpoint,
  logger: Logger,
  options: RegionCopyOptions,
): Promise<SubgraphAttachment & { sync: () => Promise<number> }> {
  let syncedAt = await lastSynced(orm);
  await rememberCopiedSuccessions(orm);
  let lastError: string | null = null;
  let running: Promise<number> | null = null;
  const sync = (): Promise<number> => {
    // one sync at a time: a timer firing during a slow sync joins it instead of racing it
    running ??= syncRegionCopy(orm, new Directory(endpoint, `region-copy-${randomUUID()}`))
      .then(
        (count) => {
          syncedAt = new Date();
          lastError = null;
          logger.debug({ regions: count }, 'region copy: synced from people');
          return count;
        },
        (error: unknown) => {
          lastError = (error as Error).message;
          throw error;
        },
      )
      .finally(() => (running = null));
    return running;
  };
  const warn = (error: unknown) =>
    logger.warn(
      { err: error, syncedAt },
      'region copy: people did not answer; serving regions from the copy as it stands',
    );
  const first = sync();
  let timeout: NodeJS.Timeout | undefined;
  const waited = await Promise.race([
    first.then(
      () => true,
      (error: unknown) => {
        logger.error(
          { err: error, syncedAt },
          syncedAt
            ? 'region copy: people is unreachable at start; serving the regions copied before'
            : 'region copy: people is unreachable at start and the copy is EMPTY: region(code) and regions answer nothing until a sync succeeds',
        );
        return true;
      },
    ),
    new Promise<false>((resolve) => (timeout = setTimeout(() => resolve(false), START_WAIT_MS))),
  ]);
  clearTimeout(timeout);
  if (!waited)
    logger.warn({ syncedAt }, 'region copy: people is slow at start; starting on the copy as it stands');
  // after a failure the next try comes sooner (2 s, doubling up to the interval): under `npm start` the
  // subgraphs start beside people, and a copy left empty for a whole interval would answer nothing
  let failures = 0;
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const schedule = () => {
    if (stopped) return;
    const wait = failures ? Math.min(options.intervalMs, RETRY_MS * 2 ** (failures - 1)) : options.intervalMs;
    timer = setTimeout(() => {
      sync()
        .then(
          () => (failures = 0),
          (error: unknown) => {
            failures += 1;
            warn(error);
          },
        )
        .finally(schedule);
    }, wait);
    timer.unref();
  };
  first.then(
    () => schedule(),
    () => {
      failures = 1;
      schedule();
    },
  );
  return {
    sync,
    readiness: () => ({
      regionCopy: {
        syncedAt: syncedAt?.toISOString() ?? null,
        ageSeconds: syncedAt ? Math.round((Date.now() - syncedAt.getTime()) / 1000) : null,
        ...(lastError ? { lastError } : {}),
      },
    }),
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running?.catch(() => undefined);
    },
  };
}
