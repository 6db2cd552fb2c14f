import type { EntityManager } from '@mikro-orm/postgresql';
import type { FeedCounts, FeedRun } from './feed';

/** One statement in the delivery's transaction, the rows it returns. */
export const feedSql = async <T = Record<string, unknown>>(
  tx: EntityManager,
  text: string,
  params: unknown[] = [],
): Promise<T[]> => (await tx.getConnection().execute(text, params, 'all', tx.getTransactionContext())) as T[];

/**
 * Where a feed's records live: `feed_<name>_changed` holds the staged rows whose hash differs from what
 * the source last delivered (with `existing_id`, the record's id as `<name>_id`, and `was_withdrawn`), and
 * `feed_<name>_before` the records they change, as they stood.
 */
export interface FeedTarget {
  /** The temporary tables' infix and the id column's prefix: `dispute` → `feed_dispute_changed.dispute_id`. */
  name: string;
  /** The subgraph's table of the records, and the entity the audit trail names. */
  table: string;
  entity: string;
  /** A column that finds a record the feed has not delivered before (a roster finds a person by ID number). */
  matchBy?: string;
  /** Columns every write moves (`updated_at`): left out of the audit's before and after. */
  unaudited?: string[];
}

const changed = (target: FeedTarget) => `feed_${target.name}_changed`;
const before = (target: FeedTarget) => `feed_${target.name}_before`;

/** The delivery's changed rows and the records they change, as the upsert's first two statements. */
export async function stageChanges(tx: EntityManager, run: FeedRun, target: FeedTarget): Promise<void> {
  const id = `${target.name}_id`;
  const match = target.matchBy;
  await feedSql(
    tx,
    `create temporary table ${changed(target)} on commit drop as
       select s.*, ${match ? 'coalesce(f.record_id, m.id)' : 'f.record_id'} as existing_id,
              coalesce(f.record_id, ${match ? 'm.id, ' : ''}gen_random_uuid()) as ${id}, f.withdrawn_at as was_withdrawn
         from ${run.staging} s left join feed_record f on f.source = ? and f.source_id = s.source_id
         ${match ? `left join ${target.table} m on f.record_id is null and m.${match} = s.${match}` : ''}
        where f.row_hash is distinct from s.row_hash`,
    [run.source],
  );
  await feedSql(
    tx,
    `create temporary table ${before(target)} on commit drop as
       select r.* from ${target.table} r join ${changed(target)} x on x.existing_id = r.id`,
  );
}

/**
 * After the records are written: the source's keys remembered with the rows' hashes (a withdrawn row
 * marked once), each change in the audit trail with the source's key, and what the delivery did.
 */
export async function recordChanges(
  tx: EntityManager,
  run: FeedRun,
  target: FeedTarget,
): Promise<FeedCounts> {
  const id = `${target.name}_id`;
  await feedSql(
    tx,
    `insert into feed_record (source, source_id, record_id, row_hash, job_id, withdrawn_at, updated_at)
     select ?, source_id, ${id}, row_hash, ?::uuid, case when withdrawn then coalesce(was_withdrawn, now()) end, now()
       from ${changed(target)}
     on conflict (source, source_id) do update set record_id = excluded.record_id, row_hash = excluded.row_hash,
       job_id = excluded.job_id, withdrawn_at = excluded.withdrawn_at, updated_at = excluded.updated_at`,
    [run.source, run.jobId],
  );
  const strip = (target.unaudited ?? []).map((column) => ` - '${column}'`).join('');
  await feedSql(
    tx,
    `insert into ${run.audit} (operation, entity, entity_id, before, after)
     select case when b.id is null then 'create' else 'update' end, ?, r.id::text,
            to_jsonb(b)${strip}, (to_jsonb(r)${strip}) || jsonb_build_object('sourceId', x.source_id, 'withdrawn', x.withdrawn)
       from ${target.table} r join ${changed(target)} x on x.${id} = r.id left join ${before(target)} b on b.id = r.id`,
    [target.entity],
  );
  const [counts] = await feedSql<{ inserted: number; updated: number; withdrawn: number; staged: number }>(
    tx,
    `select count(*) filter (where existing_id is null)::int inserted,
            count(*) filter (where existing_id is not null)::int updated,
            count(*) filter (where withdrawn and was_withdrawn is null)::int withdrawn,
            (select count(*) from ${run.staging})::int staged
       from ${changed(target)}`,
  );
  return {
    inserted: counts.inserted,
    updated: counts.updated,
    withdrawn: counts.withdrawn,
    unchanged: counts.staged - counts.inserted - counts.updated,
  };
}
