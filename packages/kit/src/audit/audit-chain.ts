import type { EntityManager } from '@mikro-orm/postgresql';
import { compareWithCheckpoints, type AuditAnchorSettings } from './audit-checkpoints';

export interface AuditChainReport {
  /** Records in the chain. */
  records: number;
  /** True when every record's hash and link check out, and the chain still matches its checkpoints. */
  intact: boolean;
  /** The first record whose hash, link or position is wrong (or the first a checkpoint cannot vouch for). */
  firstBrokenSeq: string | null;
  /** Whether signed checkpoints outside the database are configured (AUDIT_ANCHOR_KEY). */
  anchored: boolean;
  /** Signed checkpoints the chain was compared with. */
  checkpoints: number;
  /** The latest checkpointed record; null when there is none. */
  checkpointedSeq: string | null;
  /** Why the chain does not verify; null when it does. */
  problem: string | null;
}

/**
 * Recomputes the chain in SQL from record `afterSeq` on (all of it by default), with the same function the
 * insert trigger uses: an altered record fails its hash; a deleted or reordered one breaks the next
 * record's link or the sequence.
 */
export async function recomputeAuditChain(
  em: EntityManager,
  afterSeq = '0',
): Promise<{ records: number; broken: string | null }> {
  const [row] = await em.getConnection().execute<{ records: string; broken: string | null }[]>(
    `select count(*)::text as records,
           min(seq) filter (where seq > ?::bigint and (
             hash is distinct from audit_record_hash(prev_hash, seq, at, subject, roles, request_id,
                                                     operation, entity, entity_id, before, after)
             or prev_hash is distinct from coalesce(prev, repeat('0', 64))
             or seq <> coalesce(prev_seq, 0) + 1))::text as broken
      from (select a.*, lag(hash) over w as prev, lag(seq) over w as prev_seq
              from audit_record a where seq >= ?::bigint window w as (order by seq)) a`,
    [afterSeq, afterSeq],
  );
  return { records: Number(row.records), broken: row.broken };
}

/**
 * The chain recomputed, then compared with the signed checkpoints kept outside the database (when
 * `anchor` is given): whoever can write the database can re-chain a rewritten record with the schema's own
 * hash function, but cannot make the records before a checkpoint hash to what the checkpoint signed.
 * Without checkpoints, records removed from the very end leave a shorter chain that still verifies.
 */
export async function verifyAuditChain(
  em: EntityManager,
  anchor?: AuditAnchorSettings | null,
): Promise<AuditChainReport> {
  const chain = await recomputeAuditChain(em);
  const checked = anchor ? await compareWithCheckpoints(em, anchor) : null;
  const broken = [chain.broken, checked?.broken ?? null]
    .filter((seq): seq is string => seq !== null)
    .sort((a, b) => Number(a) - Number(b));
  const problems = [
    chain.broken ? `record ${chain.broken} does not match its hash or its link to the record before` : null,
    checked?.problem ?? null,
  ].filter(Boolean);
  return {
    records: chain.records,
    intact: problems.length === 0,
    firstBrokenSeq: broken[0] ?? null,
    anchored: Boolean(anchor),
    checkpoints: checked?.checkpoints ?? 0,
    checkpointedSeq: checked?.checkpointedSeq ?? null,
    problem: problems.length ? problems.join('; ') : null,
  };
}
