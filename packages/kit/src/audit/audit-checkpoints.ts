import fs from 'node:fs';
import path from 'node:path';
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';

/** Where a subgraph's chain is anchored outside its database, and with which key. */
export interface AuditAnchorSettings {
  /** Names the checkpoint file, `<dir>/<subgraph>.jsonl`. */
  subgraph: string;
  /** HMAC-SHA256 key from the environment: never stored in PostgreSQL, so a database writer cannot sign. */
  key: string;
  /** A folder outside PostgreSQL's reach. */
  dir: string;
  /** Checkpoints kept in the file; older ones are dropped. */
  keep: number;
}

/** One signed line of the checkpoint file: record `seq` had hash `hash` at `at`. */
export interface AuditCheckpoint {
  seq: string;
  hash: string;
  records: number;
  at: string;
  mac: string;
}

export const DEFAULT_CHECKPOINTS_KEPT = 1000;

export const checkpointFile = (anchor: AuditAnchorSettings) =>
  path.join(anchor.dir, `${anchor.subgraph}.jsonl`);

export const signCheckpoint = (anchor: AuditAnchorSettings, c: Omit<AuditCheckpoint, 'mac'>) =>
  createHmac('sha256', anchor.key)
    .update([anchor.subgraph, c.seq, c.hash, c.records, c.at].join('\n'))
    .digest('hex');

const signedBy = (anchor: AuditAnchorSettings, c: AuditCheckpoint) => {
  const expected = Buffer.from(signCheckpoint(anchor, c), 'hex');
  const given = Buffer.from(typeof c.mac === 'string' ? c.mac : '', 'hex');
  return given.length === expected.length && timingSafeEqual(given, expected);
};

/** The file's checkpoints whose signature holds, oldest first, and how many lines did not. */
export function readAuditCheckpoints(anchor: AuditAnchorSettings): {
  checkpoints: AuditCheckpoint[];
  unsigned: number;
} {
  let text: string;
  try {
    text = fs.readFileSync(checkpointFile(anchor), 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { checkpoints: [], unsigned: 0 };
    throw error;
  }
  const checkpoints: AuditCheckpoint[] = [];
  let unsigned = 0;
  for (const line of text.split('\n').filter((l) => l.trim())) {
    let parsed: AuditCheckpoint;
    try {
      parsed = JSON.parse(line) as AuditCheckpoint;
    } catch {
      unsigned += 1;
      continue;
    }
    if (parsed && /^\d+$/.test(String(parsed.seq)) && signedBy(anchor, parsed)) checkpoints.push(parsed);
    else unsigned += 1;
  }
  return { checkpoints: checkpoints.sort((a, b) => Number(a.seq) - Number(b.seq)), unsigned };
}

export interface CheckpointComparison {
  checkpoints: number;
  /** The latest checkpoint the chain still matches. */
  checkpointedSeq: string | null;
  /** The first record a checkpoint can no longer vouch for. */
  broken: string | null;
  problem: string | null;
}

/**
 * Each checkpointed record must still be there with the hash that was signed. A rewrite re-chained with
 * the schema's own function changes every hash from the rewritten record on, so the first checkpoint at
 * or after it no longer matches: the records since the checkpoint before it are reported.
 */
export async function compareWithCheckpoints(
  em: EntityManager,
  anchor: AuditAnchorSettings,
): Promise<CheckpointComparison> {
  const { checkpoints, unsigned } = readAuditCheckpoints(anchor);
  const rows = checkpoints.length
    ? await em
        .getConnection()
        .execute<{ seq: string; hash: string }[]>(
          `select seq::text as seq, hash from audit_record where seq = any(string_to_array(?, ',')::bigint[])`,
          [checkpoints.map((c) => c.seq).join(',')],
        )
    : [];
  const stored = new Map(rows.map((row) => [row.seq, row.hash]));
  let matched: AuditCheckpoint | null = null;
  const problems: string[] = [];
  let broken: string | null = null;
  for (const checkpoint of checkpoints) {
    if (stored.get(checkpoint.seq) === checkpoint.hash) {
      matched = checkpoint;
      continue;
    }
    broken = String(Number(matched?.seq ?? 0) + 1);
    problems.push(
      `record ${checkpoint.seq} ${stored.has(checkpoint.seq) ? 'no longer has the hash' : 'is missing, yet it was'} ` +
        `signed in the checkpoint of ${checkpoint.at}: records ${broken}–${checkpoint.seq} were rewritten or removed`,
    );
    break;
  }
  if (unsigned) {
    problems.push(`${unsigned} line(s) of the checkpoint file do not carry a valid signature`);
  }
  return {
    checkpoints: checkpoints.length,
    checkpointedSeq: matched?.seq ?? null,
    broken,
    problem: problems.length ? problems.join('; ') : null,
  };
}

/** Keeps the newest `keep` lines, replacing the file atomically. */
export function trimCheckpoints(anchor: AuditAnchorSettings): void {
  const file = checkpointFile(anchor);
  const lines = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim());
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, `${lines.slice(-anchor.keep).join('\n')}\n`, { mode: 0o600 });
  fs.renameSync(temporary, file);
}
