import type { EntityManager } from '@mikro-orm/postgresql';

export interface AuditChainReport {
  /** Records in the chain. */
  records: number;
  /** True when every record's hash and link check out. */
  intact: boolean;
  /** The first record whose hash, link or position is wrong; null when intact. */
  firstBrokenSeq: string | null;
}

/**
 * Recomputes the chain in SQL, with the same function the insert trigger uses: an altered record fails
 * its hash; a deleted or reordered one breaks the next record's link or the sequence. (Removing records
 * from the very end leaves a shorter chain that still verifies; the `records` count exposes that against a
 * count kept elsewhere, e.g. in the operator's log.)
 */
export async function verifyAuditChain(em: EntityManager): Promise<AuditChainReport> {
  const [row] = await em.getConnection().execute<{ records: string; broken: string | null }[]>(`
    select count(*)::text as records,
           min(seq) filter (where hash is distinct from audit_record_hash(prev_hash, seq, at, subject, roles, request_id,
                                                              operation, entity, entity_id, before, after)
                               or prev_hash is distinct from coalesce(prev, repeat('0', 64))
                               or seq <> coalesce(prev_seq, 0) + 1)::text as broken
      from (select a.*, lag(hash) over w as prev, lag(seq) over w as prev_seq
              from audit_record a window w as (order by seq)) a`);
  return { records: Number(row.records), intact: row.broken === null, firstBrokenSeq: row.broken };
}
