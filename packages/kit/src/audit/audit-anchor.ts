import fs from 'node:fs';
import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { ConfigError } from '../config';
import type { Logger } from '../logger';
import { recomputeAuditChain } from './audit-chain';
import {
  checkpointFile,
  compareWithCheckpoints,
  DEFAULT_CHECKPOINTS_KEPT,
  readAuditCheckpoints,
  signCheckpoint,
  trimCheckpoints,
  type AuditAnchorSettings,
  type AuditCheckpoint,
} from './audit-checkpoints';

/** The variables of subgraphConfigSchema that anchor the audit chain. */
export interface AuditAnchorConfig {
  AUDIT_ANCHOR_KEY?: string;
  AUDIT_CHECKPOINT_DIR?: string;
  AUDIT_CHECKPOINT_INTERVAL_MS?: number;
  AUDIT_CHECKPOINTS_KEPT?: number;
}

export const DEFAULT_CHECKPOINT_INTERVAL_MS = 60_000;

/** The anchor `config` asks for; null when AUDIT_ANCHOR_KEY is unset (the chain is then not anchored). */
export function auditAnchorSettings(subgraph: string, config: AuditAnchorConfig): AuditAnchorSettings | null {
  const { AUDIT_ANCHOR_KEY: key, AUDIT_CHECKPOINT_DIR: dir } = config;
  if (!key && !dir) return null;
  if (!key || !dir) {
    throw new ConfigError(
      `Invalid configuration: AUDIT_ANCHOR_KEY and AUDIT_CHECKPOINT_DIR go together (the key signs the ` +
        `audit chain's checkpoints, the folder outside PostgreSQL keeps them): set ${key ? 'AUDIT_CHECKPOINT_DIR' : 'AUDIT_ANCHOR_KEY'}`,
    );
  }
  return { subgraph, key, dir, keep: config.AUDIT_CHECKPOINTS_KEPT ?? DEFAULT_CHECKPOINTS_KEPT };
}

/**
 * Signs the chain's head and appends it to the checkpoint file, after checking that the records since the
 * last checkpoint chain onto it and that the older checkpoints still match: a chain already broken is
 * never signed. Nothing is written when the head has not moved. Keeps the file to `anchor.keep` lines.
 */
export async function writeAuditCheckpoint(
  em: EntityManager,
  anchor: AuditAnchorSettings,
): Promise<AuditCheckpoint | null> {
  const comparison = await compareWithCheckpoints(em, anchor);
  if (comparison.problem) throw new Error(`audit chain not checkpointed: ${comparison.problem}`);
  const { checkpoints } = readAuditCheckpoints(anchor);
  const last = checkpoints.at(-1) ?? null;
  // the head first: every record it covers is then checked below before it is signed
  const [head] = await em.getConnection().execute<{ seq: string; hash: string; records: string }[]>(
    `select seq::text as seq, hash, (select count(*) from audit_record)::text as records
       from audit_record order by seq desc limit 1`,
  );
  const since = await recomputeAuditChain(em, last?.seq ?? '0');
  if (since.broken) {
    throw new Error(`audit chain not checkpointed: record ${since.broken} does not match its hash or link`);
  }
  if (!head || head.seq === last?.seq) return null;
  const body = {
    seq: head.seq,
    hash: head.hash,
    records: Number(head.records),
    at: new Date().toISOString(),
  };
  const checkpoint: AuditCheckpoint = { ...body, mac: signCheckpoint(anchor, body) };
  fs.mkdirSync(anchor.dir, { recursive: true, mode: 0o700 });
  fs.appendFileSync(checkpointFile(anchor), `${JSON.stringify(checkpoint)}\n`, { mode: 0o600 });
  if (checkpoints.length + 1 > anchor.keep) trimCheckpoints(anchor);
  return checkpoint;
}

/** Each running subgraph's anchor, by its ORM's configuration (shared by every fork of its EntityManager). */
const anchors = new WeakMap<object, AuditAnchorSettings>();

/** The anchor of the subgraph `em` belongs to, for `<subgraph>AuditChain`; null when it has none. */
export const auditAnchorOf = (em: EntityManager): AuditAnchorSettings | null =>
  anchors.get(em.config) ?? null;

export interface AuditAnchor {
  /** Facts for /readyz: the last checkpoint, or a loud warning when the chain is not anchored. */
  readiness(): Record<string, unknown>;
  /** Writes a checkpoint now (also run every interval, and once more at stop). */
  checkpoint(): Promise<AuditCheckpoint | null>;
  stop(): Promise<void>;
}

/**
 * Checkpoints the subgraph's audit chain at start, every AUDIT_CHECKPOINT_INTERVAL_MS and at stop. Without
 * AUDIT_ANCHOR_KEY it warns, in the log and in /readyz, that a database writer can rewrite the trail.
 */
export async function startAuditAnchor(
  subgraph: string,
  orm: MikroORM,
  logger: Logger,
  config: AuditAnchorConfig,
): Promise<AuditAnchor> {
  const anchor = auditAnchorSettings(subgraph, config);
  if (!anchor) {
    const warning =
      'OFF: set AUDIT_ANCHOR_KEY and AUDIT_CHECKPOINT_DIR, or whoever can write the database can rewrite ' +
      'the audit trail and re-chain it undetected';
    logger.warn(`audit chain not anchored: ${warning}`);
    return {
      readiness: () => ({ auditAnchor: warning }),
      checkpoint: async () => null,
      stop: async () => {},
    };
  }
  anchors.set(orm.config, anchor);
  let failure: string | null = null;
  let running: Promise<AuditCheckpoint | null> = Promise.resolve(null);
  const checkpoint = () => {
    running = running.then(async () => {
      try {
        const written = await writeAuditCheckpoint(orm.em.fork(), anchor);
        failure = null;
        return written;
      } catch (error) {
        failure = (error as Error).message;
        logger.error({ err: error }, 'audit checkpoint failed');
        return null;
      }
    });
    return running;
  };
  await checkpoint();
  const timer = setInterval(
    () => void checkpoint(),
    config.AUDIT_CHECKPOINT_INTERVAL_MS ?? DEFAULT_CHECKPOINT_INTERVAL_MS,
  );
  timer.unref();
  return {
    readiness: () => {
      if (failure) return { auditAnchor: `FAILING: ${failure}` };
      const last = readAuditCheckpoints(anchor).checkpoints.at(-1);
      return { auditAnchor: { checkpointedSeq: last?.seq ?? null, checkpointedAt: last?.at ?? null } };
    },
    checkpoint,
    stop: async () => {
      clearInterval(timer);
      await checkpoint();
      anchors.delete(orm.config);
    },
  };
}

/** `attachment` with the anchor's readiness beside its own, and the anchor's last checkpoint after its stop. */
export function withAuditAnchor(
  attachment: { readiness?: () => Record<string, unknown>; stop?: () => Promise<void> },
  anchor: AuditAnchor,
) {
  return {
    readiness: () => ({ ...anchor.readiness(), ...attachment.readiness?.() }),
    stop: async () => {
      await attachment.stop?.();
      await anchor.stop();
    },
  };
}
