import { createHash } from 'node:crypto';
import path from 'node:path';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError } from 'graphql';
import { badInput, ErrorCode } from '../errors';
import type { Identity } from '../identity';
import type { Logger } from '../logger';
import type { Permissions } from '../permissions';
import { ImportJobs, JobStatus, storedError } from '../imports/import-jobs';
import { RejectedRows } from '../imports/rejections';
import { pgArray } from '../pg-array';
import { copyStaged } from './feed-copy';
import { readDelivery, type DeliveryRows } from './feed-file';
import { feedJobs, type FeedJobView, type FeedVia } from './feed-jobs';
import { feedLimits, type FeedLimits } from './feed-limits';
import { trackers } from './feed-freshness';
import { FeedRowError, loadMapping, mapCell, type FeedMapping, type FeedRejection } from './feed-mapping';

/** all-or-nothing: one refused row refuses the delivery; row-level: the good rows land, the rest are listed. */
export type FeedPolicy = 'all-or-nothing' | 'row-level';
export type StagingType = 'text' | 'uuid' | 'integer' | 'smallint' | 'timestamptz' | 'date' | 'boolean';

/** What an upsert did, by the source's keys. */
export interface FeedCounts {
  inserted: number;
  updated: number;
  /** Of the inserted and updated: records the source marked withdrawn (撤回), kept and marked. */
  withdrawn: number;
  unchanged: number;
}

/** What `upsert` is given: the staged rows' table (temporary) and the audit table it fills. */
export interface FeedRun {
  jobId: string;
  source: string;
  mappingVersion: number;
  /** The staging table: the spec's columns plus `row_number` and `row_hash` (of the mapped values). */
  staging: string;
  /** `feed_audit (operation, entity, entity_id, before, after)`: each change the upsert made, one row. */
  audit: string;
}

/** One source's feed into one subgraph: the mapping file, the staging table and the set-based upsert. */
export interface FeedSpec {
  subgraph: string;
  /** Also the route (`POST /files/<subgraph>/feeds/<source>`) and the mapping's `source:`. */
  source: string;
  /** What the source is, in the department's words (政务服务平台办件). */
  title: string;
  mappingFile: string;
  staging: { table: string; columns: Record<string, StagingType> };
  policy: FeedPolicy;
  /** The subgraph's permissions and the action a POSTed delivery needs (`assertPerformAction`). */
  permissions: Permissions;
  action: string;
  /**
   * Who may POST, when the action needs a subject (the caller's own counties): checks it and returns the
   * scope the look-ups are given. Without it the route checks `action` with no subject.
   */
  authorize?(em: EntityManager, identity: Identity): Promise<unknown>;
  /**
   * Look-ups a mapping column names (`lookup: item`): each value known to the subgraph (and, for a POST, within
   * the caller's scope), or the row is refused. Deliveries by the watched folder and the pull have no scope.
   */
  lookups?: Record<
    string,
    (em: EntityManager, values: string[], scope: unknown) => Promise<Map<string, unknown>>
  >;
  /** Values computed from a mapped row (working days …); throws FeedRowError to refuse the row. */
  derive?(row: Record<string, unknown>): Record<string, unknown>;
  /** Set-based statements from the staging table into the subgraph's tables, keyed by the source's id. */
  upsert(tx: EntityManager, run: FeedRun): Promise<FeedCounts>;
  /** After the delivery committed (e.g. clearing a statistics cache). */
  afterCommit?(): void;
}

export interface Feed extends FeedSpec {
  mapping(): FeedMapping;
}

export const defineFeed = (spec: FeedSpec): Feed => ({
  ...spec,
  mapping: () => {
    const mapping = loadMapping(spec.mappingFile);
    if (mapping.source !== spec.source)
      throw new Error(`mapping file ${spec.mappingFile}: source ${mapping.source} is not ${spec.source}`);
    return mapping;
  },
});

export interface Delivery {
  em: EntityManager;
  /** Who delivered: the caller's subject, or `feed:<source>` for the watched folder and the pull. */
  subject: string;
  roles: readonly string[];
  via: FeedVia;
  logger: Logger;
  /** What `authorize` returned for a POST. */
  scope?: unknown;
}

class MappingError extends Error {}

/**
 * The audit record's shape for an upsert's row images: the fields that changed (all of them for a create,
 * `before` null), named as the entity's properties (`item_id` → `itemId`) like the ORM's own records, so the
 * trail reads alike and personal fields are masked by the same declarations.
 */
const changedFields = (side: string, other: string) => `case when ${side} is null then null else (
  select jsonb_object_agg(case when strpos(k, '_') = 0 then k
           else lower(left(k, 1)) || substr(replace(initcap(replace(k, '_', ' ')), ' ', ''), 2) end, v)
    from jsonb_each(${side}) f(k, v) where ${other} is null or f.v is distinct from ${other} -> f.k) end`;

/** Seconds since the previous call (or since it was made). */
function stopwatch(): () => number {
  let last = Date.now();
  return () => {
    const now = Date.now();
    const seconds = (now - last) / 1000;
    last = now;
    return seconds;
  };
}

const exec = (tx: EntityManager, text: string, params: unknown[] = []) =>
  tx.getConnection().execute(text, params, 'all', tx.getTransactionContext());

interface Staged {
  rows: Record<string, unknown>[];
  rejected: RejectedRows<FeedRejection>;
}

/** Maps every row by the mapping file: values, look-ups, duplicates of the key and the feed's own checks. */
async function stage(
  feed: Feed,
  mapping: FeedMapping,
  file: DeliveryRows,
  delivery: Delivery,
  limits: FeedLimits,
) {
  const at = new Map(file.headers.map((header, i) => [header, i]));
  for (const [header, spec] of Object.entries(mapping.columns))
    if (spec.required && !at.has(header))
      throw badInput(
        'file',
        'columns',
        `the column ${header} is missing (mapping ${mapping.source} version ${mapping.version})`,
      );
  const staged: Staged = { rows: [], rejected: new RejectedRows(limits.maxRejectionsListed) };
  const pending: { number: number; values: Record<string, unknown>; problems: FeedRejection[] }[] = [];
  const lookupValues = new Map<string, Set<string>>();
  for (const row of file.rows) {
    const values: Record<string, unknown> = {};
    const problems: FeedRejection[] = [];
    for (const [header, spec] of Object.entries(mapping.columns)) {
      const text = at.has(header) ? (row.cells[at.get(header)!] ?? '') : '';
      try {
        values[spec.field] = mapCell(mapping, header, spec, text);
        if (spec.lookup && values[spec.field] !== null) {
          let set = lookupValues.get(spec.lookup);
          if (!set) lookupValues.set(spec.lookup, (set = new Set()));
          set.add(String(values[spec.field]));
        }
      } catch (error) {
        if (!(error instanceof FeedRowError)) throw error;
        problems.push({
          row: row.number,
          column: header,
          value: text,
          rule: error.rule,
          message: error.message,
        });
      }
    }
    pending.push({ number: row.number, values, problems });
  }
  const found = new Map<string, Map<string, unknown>>();
  for (const [name, values] of lookupValues) {
    const lookup = feed.lookups?.[name];
    if (!lookup)
      throw new Error(`feed ${feed.source}: the mapping names a look-up ${name} the feed does not have`);
    found.set(name, await lookup(delivery.em, [...values], delivery.scope));
  }
  const keyField = mapping.columns[mapping.key].field;
  const seen = new Set<string>();
  const fields = Object.keys(feed.staging.columns);
  for (const { number, values, problems } of pending) {
    for (const [header, spec] of Object.entries(mapping.columns)) {
      if (!spec.lookup || values[spec.field] === null || values[spec.field] === undefined) continue;
      const value = String(values[spec.field]);
      const known = found.get(spec.lookup)!.get(value);
      if (known === undefined)
        problems.push({
          row: number,
          column: header,
          value,
          rule: 'code',
          message: `${header}: ${value} is not a known ${spec.lookup}`,
        });
      else values[spec.field] = known;
    }
    const key = String(values[keyField] ?? '');
    if (key && seen.has(key))
      problems.push({
        row: number,
        column: mapping.key,
        value: key,
        rule: 'duplicate',
        message: `${mapping.key} ${key} appears twice in the file`,
      });
    seen.add(key);
    if (!problems.length && feed.derive) {
      try {
        Object.assign(values, feed.derive(values));
      } catch (error) {
        if (!(error instanceof FeedRowError)) throw error;
        problems.push({
          row: number,
          column: error.column,
          value: error.value,
          rule: error.rule,
          message: error.message,
        });
      }
    }
    if (problems.length) {
      staged.rejected.push(...problems);
      continue;
    }
    const hash = createHash('sha256')
      .update(JSON.stringify(fields.map((f) => values[f] ?? null)))
      .digest('hex');
    staged.rows.push({ ...values, row_number: number, row_hash: hash });
  }
  return staged;
}

/** The refusal of a delivery whose rows failed under the all-or-nothing policy (nothing landed). */
function refused(staged: Staged, rows: number): GraphQLError {
  return new GraphQLError(
    `file: ${staged.rejected.total} of ${rows} row(s) refused; the feed's policy is all-or-nothing: nothing was delivered`,
    {
      extensions: {
        code: ErrorCode.BAD_USER_INPUT,
        field: 'file',
        rule: 'rows',
        policy: 'all-or-nothing',
        rejected: staged.rejected.first,
        rejectedCount: staged.rejected.total,
      },
    },
  );
}

/**
 * One delivery of a feed, as a job (`import_job`, kind `feed`): the file is read by the mapping file in force,
 * the good rows COPY'd into a staging table and upserted set-based in one transaction with their audit
 * records (request id `feed-job:<job id>`), and the job keeps the report: counts, policy and refused rows.
 */
export async function deliverFeed(feed: Feed, file: Buffer, delivery: Delivery): Promise<FeedJobView> {
  const { em, logger } = delivery;
  const limits = feedLimits();
  let mapping: FeedMapping | null = null;
  let mappingError: string | null = null;
  try {
    mapping = feed.mapping();
  } catch (error) {
    mappingError = (error as Error).message.replace(feed.mappingFile, path.basename(feed.mappingFile));
  }
  const jobs = new ImportJobs(em);
  await jobs.sweep();
  const jobId = await feedJobs.create(
    em,
    {
      subject: delivery.subject,
      source: feed.source,
      via: delivery.via,
      mappingVersion: mapping?.version ?? null,
      file,
    },
    limits,
  );
  const log = logger.child({ feed: feed.source, feedJob: jobId });
  const stopHeartbeat = jobs.heartbeat(jobId);
  try {
    // the department's mapping file is wrong: the delivery fails saying where, and the file can be sent again
    if (!mapping) throw new MappingError(mappingError!);
    if (file.length > limits.maxFileBytes)
      throw badInput('file', 'size', `the file exceeds ${limits.maxFileBytes} bytes (FEED_MAX_FILE_BYTES)`);
    const clock = stopwatch();
    const read = await readDelivery(file, mapping, limits);
    const readSeconds = clock();
    await jobs.update(jobId, { rows: read.rows.length });
    const staged = await stage(feed, mapping, read, delivery, limits);
    if (staged.rejected.total && feed.policy === 'all-or-nothing') throw refused(staged, read.rows.length);
    const timings = { read: readSeconds, map: clock(), copy: 0, upsert: 0, audit: 0 };
    const counts = await em.fork().transactional(async (tx) => {
      // deliveries of one source take turns: the second compares with what the first wrote
      await exec(tx, `select pg_advisory_xact_lock(hashtext(?))`, [`feed:${feed.source}`]);
      const columns = Object.entries(feed.staging.columns).map(([name, type]) => `"${name}" ${type}`);
      await exec(
        tx,
        `create temporary table ${feed.staging.table} (row_number int not null, row_hash text not null, ${columns.join(', ')}) on commit drop`,
      );
      await copyStaged(
        tx,
        feed.staging.table,
        ['row_number', 'row_hash', ...Object.keys(feed.staging.columns)],
        staged.rows,
      );
      await exec(tx, `analyze ${feed.staging.table}`);
      timings.copy = clock();
      await exec(
        tx,
        `create temporary table feed_audit (operation text not null, entity text not null, entity_id text not null, before jsonb, after jsonb) on commit drop`,
      );
      const done = await feed.upsert(tx, {
        jobId,
        source: feed.source,
        mappingVersion: mapping.version,
        staging: feed.staging.table,
        audit: 'feed_audit',
      });
      timings.upsert = clock();
      await exec(
        tx,
        `insert into audit_record (subject, roles, request_id, operation, entity, entity_id, before, after)
         select ?, ?::text[], ?, operation, entity, entity_id, ${changedFields('before', 'after')}, ${changedFields('after', 'before')}
           from feed_audit order by entity, entity_id`,
        [delivery.subject, pgArray(delivery.roles), `feed-job:${jobId}`],
      );
      timings.audit = clock();
      await exec(
        tx,
        `insert into feed_source_state (source, last_success_at, last_job_id, mapping_version, last_changed)
         values (?, now(), ?, ?, ?)
         on conflict (source) do update set last_success_at = excluded.last_success_at, last_job_id = excluded.last_job_id,
           mapping_version = excluded.mapping_version, last_changed = excluded.last_changed`,
        [feed.source, jobId, mapping.version, done.inserted + done.updated],
      );
      return done;
    });
    feed.afterCommit?.();
    trackers.get(em.config)?.set(feed.source, new Date());
    const result = {
      source: feed.source,
      mappingVersion: mapping.version,
      policy: feed.policy,
      via: delivery.via,
      rows: read.rows.length,
      landed: staged.rows.length,
      changed: counts.inserted + counts.updated,
      ...counts,
      rejectedCount: staged.rejected.total,
      rejected: staged.rejected.first,
      /** Seconds per phase, for the operator comparing deliveries. */
      timings,
    };
    await jobs.update(jobId, { status: JobStatus.SUCCEEDED, result });
    log.info({ ...result, rejected: undefined }, 'feed delivered');
  } catch (error) {
    const { stored, internal } =
      error instanceof MappingError
        ? {
            stored: {
              message: error.message,
              extensions: { code: ErrorCode.INTERNAL_SERVER_ERROR, rule: 'mapping' },
            },
            internal: true,
          }
        : storedError(error, limits.maxRejectionsListed);
    if (internal) log.error({ err: error }, 'feed delivery failed');
    else log.warn({ error: stored.message }, 'feed delivery refused');
    await jobs.update(jobId, { status: JobStatus.FAILED, error: stored });
  } finally {
    stopHeartbeat();
  }
  await feedJobs.prune(em, feed.source, limits);
  return (await feedJobs.find(em, jobId))!;
}
